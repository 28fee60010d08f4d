CREATE TABLE "quality_criterion_rollups" (
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"day" date NOT NULL,
	"group_id" uuid,
	"hotline_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"criterion_id" text NOT NULL,
	"error_class" text NOT NULL,
	"results" integer NOT NULL,
	"evaluated" integer NOT NULL,
	"failed" integer NOT NULL,
	CONSTRAINT "quality_criterion_rollups_key" UNIQUE NULLS NOT DISTINCT("tenant_id","day","group_id","hotline_id","version_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "quality_rollup_state" (
	"tenant_id" uuid PRIMARY KEY DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"time_zone" text NOT NULL,
	"built_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_score_rollups" (
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"day" date NOT NULL,
	"agent_id" uuid,
	"group_id" uuid,
	"hotline_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"evaluations" integer NOT NULL,
	"scored" integer NOT NULL,
	"score_sum" double precision NOT NULL,
	"errors_customer" integer NOT NULL,
	"errors_business" integer NOT NULL,
	"errors_compliance" integer NOT NULL,
	"errors_non_critical" integer NOT NULL,
	CONSTRAINT "quality_score_rollups_key" UNIQUE NULLS NOT DISTINCT("tenant_id","day","agent_id","group_id","hotline_id","version_id")
);
--> statement-breakpoint
CREATE TABLE "chat_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"widget_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"customer_name" text,
	"topic_id" text,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"customer_read_seq" integer DEFAULT 0 NOT NULL,
	"agent_read_seq" integer DEFAULT 0 NOT NULL,
	"customer_online" boolean DEFAULT false NOT NULL,
	"ended_at" timestamp (3) with time zone,
	"ended_by" text,
	"survey_token" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat_widgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"hotline_id" uuid NOT NULL,
	"queue_id" uuid NOT NULL,
	"public_key" text NOT NULL,
	"name" text NOT NULL,
	"greeting" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"calendar_id" uuid,
	"messages_per_minute" integer DEFAULT 30 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_messages" ADD COLUMN "seq" integer;--> statement-breakpoint
ALTER TABLE "contact_messages" ADD COLUMN "client_message_id" text;--> statement-breakpoint
ALTER TABLE "contact_messages" ADD COLUMN "attachment_id" uuid;--> statement-breakpoint
ALTER TABLE "planning_events" ADD COLUMN "uplift" double precision;--> statement-breakpoint
ALTER TABLE "planning_forecasts" ADD COLUMN "adjustments" jsonb;--> statement-breakpoint
ALTER TABLE "planning_schedules" ADD COLUMN "skill_requirements" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD CONSTRAINT "chat_sessions_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD CONSTRAINT "chat_sessions_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_sessions" ADD CONSTRAINT "chat_sessions_widget_id_chat_widgets_id_fk" FOREIGN KEY ("widget_id") REFERENCES "public"."chat_widgets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_widgets" ADD CONSTRAINT "chat_widgets_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_widgets" ADD CONSTRAINT "chat_widgets_hotline_id_hotlines_id_fk" FOREIGN KEY ("hotline_id") REFERENCES "public"."hotlines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_widgets" ADD CONSTRAINT "chat_widgets_queue_id_acd_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."acd_queues"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_widgets" ADD CONSTRAINT "chat_widgets_calendar_id_business_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."business_calendars"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "chat_sessions_token" ON "chat_sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_sessions_contact" ON "chat_sessions" USING btree ("tenant_id","contact_id");--> statement-breakpoint
CREATE INDEX "chat_sessions_open" ON "chat_sessions" USING btree ("ended_at");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_widgets_key" ON "chat_widgets" USING btree ("public_key");--> statement-breakpoint
CREATE INDEX "chat_widgets_page" ON "chat_widgets" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
ALTER TABLE "contact_messages" ADD CONSTRAINT "contact_messages_attachment_id_contact_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."contact_attachments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contact_messages_seq" ON "contact_messages" USING btree ("contact_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_messages_client_id" ON "contact_messages" USING btree ("contact_id","client_message_id");--> statement-breakpoint
CREATE INDEX "quality_evaluations_contact_at" ON "quality_evaluations" USING btree ("tenant_id","contact_at");