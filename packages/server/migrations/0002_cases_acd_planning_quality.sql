CREATE TABLE "acd_agents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"skills" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"queue_ids" uuid[] DEFAULT '{}' NOT NULL,
	"capacity" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"routing" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "acd_not_ready_reasons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "acd_queues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"hotline_id" uuid NOT NULL,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"strategy" text DEFAULT 'longestIdle' NOT NULL,
	"sticky_seconds" integer,
	"aging_per_minute" integer DEFAULT 0 NOT NULL,
	"overflow" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"offer_timeout_seconds" integer DEFAULT 20 NOT NULL,
	"wrap_up_seconds" integer DEFAULT 30 NOT NULL,
	"auto_accept" boolean DEFAULT false NOT NULL,
	"service_level_seconds" integer DEFAULT 20 NOT NULL,
	"short_abandon_seconds" integer DEFAULT 5 NOT NULL,
	"expected_handle_seconds" integer DEFAULT 180 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "acd_skills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agent_state_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"state" text NOT NULL,
	"reason" text,
	"started_at" timestamp (3) with time zone NOT NULL,
	"ended_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"seq" bigint NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"type" text NOT NULL,
	"contact_id" uuid,
	"agent_id" uuid,
	"queue_id" uuid,
	"data" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_intervals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"cell_key" text NOT NULL,
	"interval_start" timestamp (3) with time zone NOT NULL,
	"queue_id" uuid,
	"hotline_id" uuid,
	"channel" text,
	"agent_id" uuid,
	"aggregate" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"subscription_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_attempt_at" timestamp (3) with time zone,
	"last_status" integer,
	"last_error" text,
	"delivered_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"signing_secret" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_calibration_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"calibration_id" uuid NOT NULL,
	"evaluator_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_calibrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"title" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"lead_id" uuid,
	"evaluator_ids" uuid[] NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reference" jsonb,
	"revealed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_disputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"criterion_id" text NOT NULL,
	"comment" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"author_id" uuid,
	"resolution" text,
	"resolved_by" uuid,
	"resolved_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_evaluation_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"reason" text,
	"details" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"plan_id" uuid,
	"hotline_id" uuid NOT NULL,
	"agent_id" uuid,
	"group_id" uuid,
	"evaluator_id" uuid,
	"status" text DEFAULT 'assigned' NOT NULL,
	"due_at" timestamp (3) with time zone,
	"contact_at" timestamp (3) with time zone NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recording_ref" text,
	"feedback" text,
	"score" double precision,
	"raw_score" double precision,
	"errors_customer" integer,
	"errors_business" integer,
	"errors_compliance" integer,
	"errors_non_critical" integer,
	"criteria" jsonb,
	"submitted_at" timestamp (3) with time zone,
	"acknowledged_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"name" text NOT NULL,
	"lead_id" uuid,
	"member_ids" uuid[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"name" text NOT NULL,
	"scorecard_id" uuid NOT NULL,
	"hotline_id" uuid,
	"group_id" uuid,
	"per_agent" integer NOT NULL,
	"period" text DEFAULT 'week' NOT NULL,
	"strata" text[] DEFAULT '{}' NOT NULL,
	"allocation" text DEFAULT 'proportional' NOT NULL,
	"seed" integer NOT NULL,
	"specialist_ids" uuid[] NOT NULL,
	"capacity_per_day" integer DEFAULT 10 NOT NULL,
	"last_run_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_scorecard_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"scorecard_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"weighting" text DEFAULT 'relative' NOT NULL,
	"sections" jsonb NOT NULL,
	"auto_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"author_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "quality_scorecards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"hotline_id" uuid,
	"title" text NOT NULL,
	"latest_version" integer DEFAULT 1 NOT NULL,
	"published_version" integer,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_employees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"rate" double precision DEFAULT 1 NOT NULL,
	"monthly_norm_hours" double precision,
	"skills" text[] DEFAULT '{}' NOT NULL,
	"templates" text[] DEFAULT '{}' NOT NULL,
	"unavailable" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"preferences" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"queue_id" uuid,
	"kind" text NOT NULL,
	"starts_at" timestamp(0) NOT NULL,
	"ends_at" timestamp(0) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_forecasts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"queue_id" uuid NOT NULL,
	"model" text NOT NULL,
	"requested_model" text NOT NULL,
	"interval_minutes" integer NOT NULL,
	"from_date" date NOT NULL,
	"days" integer NOT NULL,
	"backtest" jsonb NOT NULL,
	"points" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"queue_id" uuid NOT NULL,
	"interval_start" timestamp(0) NOT NULL,
	"interval_minutes" integer NOT NULL,
	"offered" integer NOT NULL,
	"handled" integer NOT NULL,
	"abandoned" integer DEFAULT 0 NOT NULL,
	"handle_seconds" double precision DEFAULT 0 NOT NULL,
	"answered_within_t" integer,
	"source" text NOT NULL,
	"excluded" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_queues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"hotline_id" uuid,
	"interval_minutes" integer DEFAULT 30 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"kind" text NOT NULL,
	"employee_id" uuid NOT NULL,
	"shift_id" uuid,
	"other_employee_id" uuid,
	"other_shift_id" uuid,
	"from_date" date,
	"to_date" date,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"rules" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"queue_id" uuid NOT NULL,
	"staffing_id" uuid,
	"from_date" date NOT NULL,
	"days" integer NOT NULL,
	"interval_minutes" integer NOT NULL,
	"requirement" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"time_limit_seconds" integer DEFAULT 20 NOT NULL,
	"optimise_started_at" timestamp (3) with time zone,
	"summary" jsonb,
	"published_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_shift_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"name" text NOT NULL,
	"earliest_start" text NOT NULL,
	"latest_start" text NOT NULL,
	"start_step_minutes" integer DEFAULT 60 NOT NULL,
	"length_minutes" integer NOT NULL,
	"breaks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"schedule_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"template" text NOT NULL,
	"starts_at" timestamp(0) NOT NULL,
	"ends_at" timestamp(0) NOT NULL,
	"breaks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"manual" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_staffing" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"queue_id" uuid NOT NULL,
	"forecast_id" uuid NOT NULL,
	"params" jsonb NOT NULL,
	"rows" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planning_vacations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"days" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_calendars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"name" text NOT NULL,
	"time_zone" text NOT NULL,
	"week" jsonb NOT NULL,
	"production" text DEFAULT 'ru' NOT NULL,
	"holidays" text[] DEFAULT '{}' NOT NULL,
	"working_days" text[] DEFAULT '{}' NOT NULL,
	"shortened_by_minutes" integer DEFAULT 60 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotline_service_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"hotline_id" uuid NOT NULL,
	"calendar_id" uuid,
	"complaint_decision_days" integer DEFAULT 10 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"seq" bigserial NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"hotline_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"customer_id" uuid,
	"contact_ids" uuid[] DEFAULT '{}' NOT NULL,
	"subject" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"impact" text DEFAULT 'medium' NOT NULL,
	"urgency" text DEFAULT 'medium' NOT NULL,
	"priority" text DEFAULT 'medium' NOT NULL,
	"group_id" uuid,
	"assignee_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"sla_policy_id" uuid,
	"calendar_id" uuid,
	"response_minutes" integer,
	"resolution_minutes" integer,
	"warn_percent" integer DEFAULT 80 NOT NULL,
	"response_due_at" timestamp (3) with time zone,
	"resolution_due_at" timestamp (3) with time zone,
	"responded_at" timestamp (3) with time zone,
	"resolved_at" timestamp (3) with time zone,
	"closed_at" timestamp (3) with time zone,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sla_signals" text[] DEFAULT '{}' NOT NULL,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"problem_id" uuid,
	"department_id" uuid,
	"decision_due_at" timestamp (3) with time zone,
	"decision" text,
	"decision_at" timestamp (3) with time zone,
	"answer" text,
	"answer_channel" text,
	"answer_sent_at" timestamp (3) with time zone,
	"open" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outage_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"problem_id" uuid,
	"hotline_id" uuid,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"hotline_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "resolver_group_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resolver_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'line' NOT NULL,
	"level" integer DEFAULT 1 NOT NULL,
	"escalate_to_id" uuid,
	"hotline_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"name" text NOT NULL,
	"hotline_id" uuid,
	"case_type" text,
	"priority" text,
	"response_minutes" integer NOT NULL,
	"resolution_minutes" integer NOT NULL,
	"calendar_id" uuid,
	"warn_percent" integer DEFAULT 80 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source_id" uuid,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"channel" text NOT NULL,
	"address" text,
	"status" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_script_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"script_id" uuid,
	"script_name" text NOT NULL,
	"script_version" integer NOT NULL,
	"path" jsonb NOT NULL,
	"finished" boolean NOT NULL,
	"outcome" text,
	"walked_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scripts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"client_id" uuid,
	"hotline_id" uuid NOT NULL,
	"topic_id" text,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"definition" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"lead_id" uuid,
	"reason" text NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp (3) with time zone,
	"note" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"hotline_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"question" text NOT NULL,
	"allow_comment" boolean DEFAULT true NOT NULL,
	"expiry_hours" integer DEFAULT 72 NOT NULL,
	"low_score_at_or_below" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"hotline_id" uuid NOT NULL,
	"agent_id" uuid,
	"topic_id" text,
	"kind" text NOT NULL,
	"question" text NOT NULL,
	"allow_comment" boolean NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"score" integer,
	"comment" text,
	"answered_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callback_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"callback_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"notes" text,
	"agent_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callbacks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"client_id" uuid,
	"hotline_id" uuid NOT NULL,
	"contact_id" uuid,
	"customer_id" uuid,
	"phone" text NOT NULL,
	"reason" text,
	"due_at" timestamp (3) with time zone NOT NULL,
	"assignee_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_outcome" text,
	"result_contact_id" uuid,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "catalog_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"hotline_id" uuid NOT NULL,
	"kind" text DEFAULT 'product' NOT NULL,
	"sku" text,
	"name" text NOT NULL,
	"price" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"comment" text,
	"actor_id" uuid,
	"actor_name" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"seq" bigserial NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"hotline_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"customer_id" uuid NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"lines" jsonb NOT NULL,
	"total" integer NOT NULL,
	"address" text,
	"comment" text,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "abandoned_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "routing_status" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "routing" jsonb;--> statement-breakpoint
ALTER TABLE "acd_agents" ADD CONSTRAINT "acd_agents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acd_queues" ADD CONSTRAINT "acd_queues_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acd_queues" ADD CONSTRAINT "acd_queues_hotline_id_hotlines_id_fk" FOREIGN KEY ("hotline_id") REFERENCES "public"."hotlines"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_state_log" ADD CONSTRAINT "agent_state_log_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_subscription_id_webhook_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."webhook_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_calibration_scores" ADD CONSTRAINT "quality_calibration_scores_calibration_id_quality_calibrations_id_fk" FOREIGN KEY ("calibration_id") REFERENCES "public"."quality_calibrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_calibration_scores" ADD CONSTRAINT "quality_calibration_scores_evaluator_id_users_id_fk" FOREIGN KEY ("evaluator_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_calibrations" ADD CONSTRAINT "quality_calibrations_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_calibrations" ADD CONSTRAINT "quality_calibrations_version_id_quality_scorecard_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."quality_scorecard_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_calibrations" ADD CONSTRAINT "quality_calibrations_lead_id_users_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_disputes" ADD CONSTRAINT "quality_disputes_evaluation_id_quality_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."quality_evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_disputes" ADD CONSTRAINT "quality_disputes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_disputes" ADD CONSTRAINT "quality_disputes_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_evaluation_history" ADD CONSTRAINT "quality_evaluation_history_evaluation_id_quality_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."quality_evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_evaluation_history" ADD CONSTRAINT "quality_evaluation_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_evaluations" ADD CONSTRAINT "quality_evaluations_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_evaluations" ADD CONSTRAINT "quality_evaluations_version_id_quality_scorecard_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."quality_scorecard_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_evaluations" ADD CONSTRAINT "quality_evaluations_plan_id_quality_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."quality_plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_evaluations" ADD CONSTRAINT "quality_evaluations_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_evaluations" ADD CONSTRAINT "quality_evaluations_group_id_quality_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."quality_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_evaluations" ADD CONSTRAINT "quality_evaluations_evaluator_id_users_id_fk" FOREIGN KEY ("evaluator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_groups" ADD CONSTRAINT "quality_groups_lead_id_users_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_plans" ADD CONSTRAINT "quality_plans_scorecard_id_quality_scorecards_id_fk" FOREIGN KEY ("scorecard_id") REFERENCES "public"."quality_scorecards"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_plans" ADD CONSTRAINT "quality_plans_hotline_id_hotlines_id_fk" FOREIGN KEY ("hotline_id") REFERENCES "public"."hotlines"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_plans" ADD CONSTRAINT "quality_plans_group_id_quality_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."quality_groups"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_scorecard_versions" ADD CONSTRAINT "quality_scorecard_versions_scorecard_id_quality_scorecards_id_fk" FOREIGN KEY ("scorecard_id") REFERENCES "public"."quality_scorecards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_scorecard_versions" ADD CONSTRAINT "quality_scorecard_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_scorecards" ADD CONSTRAINT "quality_scorecards_hotline_id_hotlines_id_fk" FOREIGN KEY ("hotline_id") REFERENCES "public"."hotlines"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_employees" ADD CONSTRAINT "planning_employees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_events" ADD CONSTRAINT "planning_events_queue_id_planning_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."planning_queues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_forecasts" ADD CONSTRAINT "planning_forecasts_queue_id_planning_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."planning_queues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_forecasts" ADD CONSTRAINT "planning_forecasts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_history" ADD CONSTRAINT "planning_history_queue_id_planning_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."planning_queues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_queues" ADD CONSTRAINT "planning_queues_hotline_id_hotlines_id_fk" FOREIGN KEY ("hotline_id") REFERENCES "public"."hotlines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_requests" ADD CONSTRAINT "planning_requests_employee_id_planning_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."planning_employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_requests" ADD CONSTRAINT "planning_requests_shift_id_planning_shifts_id_fk" FOREIGN KEY ("shift_id") REFERENCES "public"."planning_shifts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_requests" ADD CONSTRAINT "planning_requests_other_employee_id_planning_employees_id_fk" FOREIGN KEY ("other_employee_id") REFERENCES "public"."planning_employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_requests" ADD CONSTRAINT "planning_requests_other_shift_id_planning_shifts_id_fk" FOREIGN KEY ("other_shift_id") REFERENCES "public"."planning_shifts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_requests" ADD CONSTRAINT "planning_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_schedules" ADD CONSTRAINT "planning_schedules_queue_id_planning_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."planning_queues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_schedules" ADD CONSTRAINT "planning_schedules_staffing_id_planning_staffing_id_fk" FOREIGN KEY ("staffing_id") REFERENCES "public"."planning_staffing"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_shifts" ADD CONSTRAINT "planning_shifts_schedule_id_planning_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."planning_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_shifts" ADD CONSTRAINT "planning_shifts_employee_id_planning_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."planning_employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_staffing" ADD CONSTRAINT "planning_staffing_queue_id_planning_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."planning_queues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_staffing" ADD CONSTRAINT "planning_staffing_forecast_id_planning_forecasts_id_fk" FOREIGN KEY ("forecast_id") REFERENCES "public"."planning_forecasts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_vacations" ADD CONSTRAINT "planning_vacations_employee_id_planning_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."planning_employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_service_settings" ADD CONSTRAINT "hotline_service_settings_hotline_id_hotlines_id_fk" FOREIGN KEY ("hotline_id") REFERENCES "public"."hotlines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotline_service_settings" ADD CONSTRAINT "hotline_service_settings_calendar_id_business_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."business_calendars"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_hotline_id_hotlines_id_fk" FOREIGN KEY ("hotline_id") REFERENCES "public"."hotlines"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_group_id_resolver_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."resolver_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_sla_policy_id_sla_policies_id_fk" FOREIGN KEY ("sla_policy_id") REFERENCES "public"."sla_policies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_calendar_id_business_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."business_calendars"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_department_id_resolver_groups_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."resolver_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outage_notices" ADD CONSTRAINT "outage_notices_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outage_notices" ADD CONSTRAINT "outage_notices_hotline_id_hotlines_id_fk" FOREIGN KEY ("hotline_id") REFERENCES "public"."hotlines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outage_notices" ADD CONSTRAINT "outage_notices_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_hotline_id_hotlines_id_fk" FOREIGN KEY ("hotline_id") REFERENCES "public"."hotlines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolver_group_members" ADD CONSTRAINT "resolver_group_members_group_id_resolver_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."resolver_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolver_group_members" ADD CONSTRAINT "resolver_group_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolver_groups" ADD CONSTRAINT "resolver_groups_escalate_to_id_resolver_groups_id_fk" FOREIGN KEY ("escalate_to_id") REFERENCES "public"."resolver_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolver_groups" ADD CONSTRAINT "resolver_groups_hotline_id_hotlines_id_fk" FOREIGN KEY ("hotline_id") REFERENCES "public"."hotlines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_hotline_id_hotlines_id_fk" FOREIGN KEY ("hotline_id") REFERENCES "public"."hotlines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_calendar_id_business_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."business_calendars"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_notices" ADD CONSTRAINT "customer_notices_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_script_runs" ADD CONSTRAINT "contact_script_runs_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_script_runs" ADD CONSTRAINT "contact_script_runs_script_id_scripts_id_fk" FOREIGN KEY ("script_id") REFERENCES "public"."scripts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_script_runs" ADD CONSTRAINT "contact_script_runs_walked_by_users_id_fk" FOREIGN KEY ("walked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scripts" ADD CONSTRAINT "scripts_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scripts" ADD CONSTRAINT "scripts_hotline_id_hotlines_id_fk" FOREIGN KEY ("hotline_id") REFERENCES "public"."hotlines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_follow_ups" ADD CONSTRAINT "survey_follow_ups_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_follow_ups" ADD CONSTRAINT "survey_follow_ups_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_follow_ups" ADD CONSTRAINT "survey_follow_ups_lead_id_users_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_settings" ADD CONSTRAINT "survey_settings_hotline_id_hotlines_id_fk" FOREIGN KEY ("hotline_id") REFERENCES "public"."hotlines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_attempts" ADD CONSTRAINT "callback_attempts_callback_id_callbacks_id_fk" FOREIGN KEY ("callback_id") REFERENCES "public"."callbacks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_attempts" ADD CONSTRAINT "callback_attempts_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_hotline_id_hotlines_id_fk" FOREIGN KEY ("hotline_id") REFERENCES "public"."hotlines"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_result_contact_id_contacts_id_fk" FOREIGN KEY ("result_contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_items" ADD CONSTRAINT "catalog_items_hotline_id_hotlines_id_fk" FOREIGN KEY ("hotline_id") REFERENCES "public"."hotlines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_hotline_id_hotlines_id_fk" FOREIGN KEY ("hotline_id") REFERENCES "public"."hotlines"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "acd_agents_user" ON "acd_agents" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "acd_agents_page" ON "acd_agents" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "acd_reasons_tenant_code" ON "acd_not_ready_reasons" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "acd_reasons_page" ON "acd_not_ready_reasons" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "acd_queues_tenant_name" ON "acd_queues" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "acd_queues_page" ON "acd_queues" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "acd_skills_tenant_code" ON "acd_skills" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "acd_skills_page" ON "acd_skills" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "agent_state_log_agent" ON "agent_state_log" USING btree ("tenant_id","agent_id","started_at");--> statement-breakpoint
CREATE INDEX "agent_state_log_open" ON "agent_state_log" USING btree ("tenant_id","ended_at");--> statement-breakpoint
CREATE INDEX "routing_decisions_contact" ON "routing_decisions" USING btree ("tenant_id","contact_id","seq");--> statement-breakpoint
CREATE INDEX "routing_decisions_at" ON "routing_decisions" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_intervals_cell" ON "kpi_intervals" USING btree ("tenant_id","cell_key");--> statement-breakpoint
CREATE INDEX "kpi_intervals_start" ON "kpi_intervals" USING btree ("tenant_id","interval_start");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_event" ON "webhook_deliveries" USING btree ("subscription_id","event_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due" ON "webhook_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_page" ON "webhook_deliveries" USING btree ("tenant_id","subscription_id","created_at","id");--> statement-breakpoint
CREATE INDEX "webhook_subscriptions_page" ON "webhook_subscriptions" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_calibration_scores_one" ON "quality_calibration_scores" USING btree ("tenant_id","calibration_id","evaluator_id");--> statement-breakpoint
CREATE INDEX "quality_calibrations_page" ON "quality_calibrations" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "quality_disputes_evaluation" ON "quality_disputes" USING btree ("tenant_id","evaluation_id");--> statement-breakpoint
CREATE INDEX "quality_disputes_status" ON "quality_disputes" USING btree ("tenant_id","status","created_at");--> statement-breakpoint
CREATE INDEX "quality_evaluation_history_evaluation" ON "quality_evaluation_history" USING btree ("tenant_id","evaluation_id","created_at");--> statement-breakpoint
CREATE INDEX "quality_evaluations_page" ON "quality_evaluations" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "quality_evaluations_contact" ON "quality_evaluations" USING btree ("tenant_id","contact_id");--> statement-breakpoint
CREATE INDEX "quality_evaluations_agent" ON "quality_evaluations" USING btree ("tenant_id","agent_id","contact_at");--> statement-breakpoint
CREATE INDEX "quality_evaluations_evaluator" ON "quality_evaluations" USING btree ("tenant_id","evaluator_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_groups_name" ON "quality_groups" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "quality_groups_page" ON "quality_groups" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "quality_plans_page" ON "quality_plans" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_scorecard_versions_number" ON "quality_scorecard_versions" USING btree ("tenant_id","scorecard_id","version");--> statement-breakpoint
CREATE INDEX "quality_scorecards_page" ON "quality_scorecards" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "planning_employees_user" ON "planning_employees" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "planning_employees_page" ON "planning_employees" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "planning_events_queue" ON "planning_events" USING btree ("tenant_id","queue_id","starts_at");--> statement-breakpoint
CREATE INDEX "planning_forecasts_queue" ON "planning_forecasts" USING btree ("tenant_id","queue_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "planning_history_interval" ON "planning_history" USING btree ("queue_id","interval_start");--> statement-breakpoint
CREATE UNIQUE INDEX "planning_queues_code" ON "planning_queues" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "planning_queues_page" ON "planning_queues" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "planning_requests_page" ON "planning_requests" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "planning_rules_tenant" ON "planning_rules" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "planning_schedules_queue" ON "planning_schedules" USING btree ("tenant_id","queue_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "planning_shift_templates_name" ON "planning_shift_templates" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "planning_shift_templates_page" ON "planning_shift_templates" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "planning_shifts_schedule" ON "planning_shifts" USING btree ("schedule_id","starts_at");--> statement-breakpoint
CREATE INDEX "planning_shifts_employee" ON "planning_shifts" USING btree ("tenant_id","employee_id","starts_at");--> statement-breakpoint
CREATE INDEX "planning_staffing_queue" ON "planning_staffing" USING btree ("tenant_id","queue_id","created_at");--> statement-breakpoint
CREATE INDEX "planning_vacations_year" ON "planning_vacations" USING btree ("tenant_id","year");--> statement-breakpoint
CREATE INDEX "business_calendars_page" ON "business_calendars" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "hotline_service_settings_hotline" ON "hotline_service_settings" USING btree ("tenant_id","hotline_id");--> statement-breakpoint
CREATE INDEX "case_events_case" ON "case_events" USING btree ("tenant_id","case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_number" ON "cases" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE INDEX "cases_page" ON "cases" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "cases_customer" ON "cases" USING btree ("tenant_id","customer_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_group" ON "cases" USING btree ("tenant_id","group_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_assignee" ON "cases" USING btree ("tenant_id","assignee_id","created_at");--> statement-breakpoint
CREATE INDEX "cases_open" ON "cases" USING btree ("tenant_id","open","resolution_due_at");--> statement-breakpoint
CREATE INDEX "outage_notices_page" ON "outage_notices" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "problems_page" ON "problems" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "resolver_group_members_unique" ON "resolver_group_members" USING btree ("tenant_id","group_id","user_id");--> statement-breakpoint
CREATE INDEX "resolver_group_members_user" ON "resolver_group_members" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "resolver_groups_page" ON "resolver_groups" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sla_policies_page" ON "sla_policies" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "customer_notices_customer" ON "customer_notices" USING btree ("tenant_id","customer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_script_runs_contact" ON "contact_script_runs" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "scripts_hotline" ON "scripts" USING btree ("tenant_id","hotline_id","created_at");--> statement-breakpoint
CREATE INDEX "survey_follow_ups_status" ON "survey_follow_ups" USING btree ("tenant_id","status","due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_settings_hotline" ON "survey_settings" USING btree ("tenant_id","hotline_id");--> statement-breakpoint
CREATE INDEX "survey_settings_page" ON "survey_settings" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_token" ON "surveys" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_contact" ON "surveys" USING btree ("tenant_id","contact_id");--> statement-breakpoint
CREATE INDEX "surveys_answered" ON "surveys" USING btree ("tenant_id","answered_at");--> statement-breakpoint
CREATE INDEX "callback_attempts_callback" ON "callback_attempts" USING btree ("callback_id","created_at");--> statement-breakpoint
CREATE INDEX "callbacks_open" ON "callbacks" USING btree ("tenant_id","status","due_at");--> statement-breakpoint
CREATE INDEX "callbacks_assignee" ON "callbacks" USING btree ("tenant_id","assignee_id","status","due_at");--> statement-breakpoint
CREATE INDEX "callbacks_contact" ON "callbacks" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "catalog_items_page" ON "catalog_items" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "catalog_items_hotline" ON "catalog_items" USING btree ("tenant_id","hotline_id");--> statement-breakpoint
CREATE INDEX "order_events_order" ON "order_events" USING btree ("tenant_id","order_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_number" ON "orders" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE INDEX "orders_page" ON "orders" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "orders_customer" ON "orders" USING btree ("tenant_id","customer_id");--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_queue_id_acd_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."acd_queues"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_routing" ON "contacts" USING btree ("tenant_id","routing_status");