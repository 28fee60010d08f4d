CREATE TABLE "customer_identifiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"organization" text,
	"notes" text,
	"consents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_attachment_data" (
	"attachment_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"data" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"author" text NOT NULL,
	"author_name" text,
	"body" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"hotline_id" uuid NOT NULL,
	"queue_id" uuid,
	"channel" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"customer_id" uuid,
	"agent_id" uuid,
	"agent_ids" uuid[] DEFAULT '{}' NOT NULL,
	"subject" text,
	"topic_id" text,
	"criticality" text DEFAULT 'normal' NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"outcome" text,
	"fcr" boolean,
	"notes" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"queued_at" timestamp (3) with time zone,
	"offered_at" timestamp (3) with time zone,
	"answered_at" timestamp (3) with time zone,
	"ended_at" timestamp (3) with time zone,
	"wrap_up_ended_at" timestamp (3) with time zone,
	"search" "tsvector"
);
--> statement-breakpoint
CREATE TABLE "knowledge_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"hotline_id" uuid,
	"category_id" uuid,
	"kind" text DEFAULT 'article' NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"typical" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"search" "tsvector"
);
--> statement-breakpoint
CREATE TABLE "knowledge_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"hotline_id" uuid,
	"name" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_reads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid DEFAULT (nullif(current_setting('linia.tenant_id', true), ''))::uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"answer" text NOT NULL,
	"author_id" uuid,
	"author_name" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hotlines" ADD COLUMN "custom_fields" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_identifiers" ADD CONSTRAINT "customer_identifiers_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_attachment_data" ADD CONSTRAINT "contact_attachment_data_attachment_id_contact_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."contact_attachments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_attachments" ADD CONSTRAINT "contact_attachments_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_messages" ADD CONSTRAINT "contact_messages_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_hotline_id_hotlines_id_fk" FOREIGN KEY ("hotline_id") REFERENCES "public"."hotlines"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_hotline_id_hotlines_id_fk" FOREIGN KEY ("hotline_id") REFERENCES "public"."hotlines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_category_id_knowledge_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."knowledge_categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_categories" ADD CONSTRAINT "knowledge_categories_hotline_id_hotlines_id_fk" FOREIGN KEY ("hotline_id") REFERENCES "public"."hotlines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_reads" ADD CONSTRAINT "knowledge_reads_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_reads" ADD CONSTRAINT "knowledge_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_versions" ADD CONSTRAINT "knowledge_versions_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "customer_identifiers_value" ON "customer_identifiers" USING btree ("tenant_id","kind","value");--> statement-breakpoint
CREATE INDEX "customer_identifiers_customer" ON "customer_identifiers" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "customers_page" ON "customers" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "customers_name" ON "customers" USING btree ("tenant_id","name_key" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "contact_attachments_contact" ON "contact_attachments" USING btree ("tenant_id","contact_id");--> statement-breakpoint
CREATE INDEX "contact_messages_contact" ON "contact_messages" USING btree ("tenant_id","contact_id","created_at");--> statement-breakpoint
CREATE INDEX "contacts_page" ON "contacts" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "contacts_hotline" ON "contacts" USING btree ("tenant_id","hotline_id","created_at");--> statement-breakpoint
CREATE INDEX "contacts_customer" ON "contacts" USING btree ("tenant_id","customer_id","created_at");--> statement-breakpoint
CREATE INDEX "contacts_agent" ON "contacts" USING btree ("tenant_id","agent_id","created_at");--> statement-breakpoint
CREATE INDEX "contacts_channel" ON "contacts" USING btree ("tenant_id","channel","created_at");--> statement-breakpoint
CREATE INDEX "contacts_topic" ON "contacts" USING btree ("tenant_id","hotline_id","topic_id","created_at");--> statement-breakpoint
CREATE INDEX "contacts_outcome" ON "contacts" USING btree ("tenant_id","outcome","created_at");--> statement-breakpoint
CREATE INDEX "contacts_search" ON "contacts" USING gin ("search");--> statement-breakpoint
CREATE INDEX "knowledge_articles_page" ON "knowledge_articles" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "knowledge_articles_hotline" ON "knowledge_articles" USING btree ("tenant_id","hotline_id");--> statement-breakpoint
CREATE INDEX "knowledge_articles_search" ON "knowledge_articles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "knowledge_categories_page" ON "knowledge_categories" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_reads_user" ON "knowledge_reads" USING btree ("article_id","version","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_versions_article" ON "knowledge_versions" USING btree ("article_id","version");