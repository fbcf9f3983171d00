using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CoProduction.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cohort_evaluations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    questionnaire_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scale_minimum = table.Column<int>(type: "integer", nullable: false),
                    scale_maximum = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_evaluations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cohorts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    curriculum_version_number = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    planned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    cancellation_reason = table.Column<string>(type: "text", nullable: true),
                    completion_combination = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    delivery_rules_lead_must_be_patient_trainer = table.Column<bool>(type: "boolean", nullable: false),
                    delivery_rules_maximum_teams = table.Column<int>(type: "integer", nullable: false),
                    delivery_rules_minimum_lived_experience_members_per_team = table.Column<int>(type: "integer", nullable: false),
                    delivery_rules_minimum_patient_trainers_per_session = table.Column<int>(type: "integer", nullable: false),
                    delivery_rules_minimum_teams = table.Column<int>(type: "integer", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohorts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "improvement_projects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    framework_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    aim = table.Column<string>(type: "text", nullable: false),
                    involvement_aim = table.Column<string>(type: "text", nullable: true),
                    service_area = table.Column<string>(type: "text", nullable: false),
                    current_phase_id = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    started_on = table.Column<DateOnly>(type: "date", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    origin_cohort_id = table.Column<Guid>(type: "uuid", nullable: true),
                    origin_cohort_team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    baselined_phase_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    peer_review_submission_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_improvement_projects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "involvement_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    duration = table.Column<TimeSpan>(type: "interval", nullable: false),
                    role_level = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    source_area = table.Column<string>(type: "text", nullable: true),
                    source_id = table.Column<Guid>(type: "uuid", nullable: true),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_activities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "involvement_assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    framework_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_assessments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "involvement_frameworks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    framework_version = table.Column<string>(type: "text", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    is_verified = table.Column<bool>(type: "boolean", nullable: false),
                    informing_level_id = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision_of_id = table.Column<Guid>(type: "uuid", nullable: true),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_frameworks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "opportunities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    closing_date = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    fixed_term_months = table.Column<int>(type: "integer", nullable: true),
                    lived_experience_sought = table.Column<string[]>(type: "text[]", nullable: false),
                    availability_needed = table.Column<int>(type: "integer", nullable: false),
                    role_accessibility = table.Column<string>(type: "text", nullable: false),
                    role_is_online = table.Column<bool>(type: "boolean", nullable: false),
                    role_location = table.Column<string>(type: "text", nullable: false),
                    role_payment_policy = table.Column<string>(type: "text", nullable: false),
                    role_time_commitment = table.Column<string>(type: "text", nullable: false),
                    role_title = table.Column<string>(type: "text", nullable: false),
                    role_what_the_role_does = table.Column<string>(type: "text", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_opportunities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    aggregate_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    aggregate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    aggregate_version = table.Column<long>(type: "bigint", nullable: false),
                    event_type = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    actor = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dispatched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "panel_meetings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    panel_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    chair_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recording_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    quorum_rule_minimum_patient_members = table.Column<int>(type: "integer", nullable: false),
                    quorum_rule_require_patient_chair = table.Column<bool>(type: "boolean", nullable: false),
                    quorum_rule_require_staff_facilitator = table.Column<bool>(type: "boolean", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_meetings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "panels",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    terms_of_reference = table.Column<string>(type: "text", nullable: false),
                    established_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    quorum_rule_minimum_patient_members = table.Column<int>(type: "integer", nullable: false),
                    quorum_rule_require_patient_chair = table.Column<bool>(type: "boolean", nullable: false),
                    quorum_rule_require_staff_facilitator = table.Column<bool>(type: "boolean", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panels", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "participants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    full_name = table.Column<string>(type: "text", nullable: false),
                    preferred_name = table.Column<string>(type: "text", nullable: true),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    erased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    diversity_answers = table.Column<string>(type: "jsonb", nullable: true),
                    roles = table.Column<List<string>>(type: "text[]", nullable: false),
                    contact_email = table.Column<string>(type: "text", nullable: true),
                    contact_phone = table.Column<string>(type: "text", nullable: true),
                    contact_postal_address = table.Column<string>(type: "text", nullable: true),
                    contact_preferred_method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    payment_preference_method = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    payment_preference_notes = table.Column<string>(type: "text", nullable: true),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_participants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "partner_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    support_plan_review_on = table.Column<DateOnly>(type: "date", nullable: true),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "patient_trainer_pathways",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    started_on = table.Column<DateOnly>(type: "date", nullable: false),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    current_stage_since = table.Column<DateOnly>(type: "date", nullable: false),
                    support_plan_debrief_arrangements = table.Column<string>(type: "text", nullable: true),
                    support_plan_mentor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    support_plan_payment_arrangements = table.Column<string>(type: "text", nullable: true),
                    support_plan_review_on = table.Column<DateOnly>(type: "date", nullable: true),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patient_trainer_pathways", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payment_claims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    currency_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    rejection_reason = table.Column<string>(type: "text", nullable: true),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    payment_reference = table.Column<string>(type: "text", nullable: true),
                    payment = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    chosen_fees_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    exported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    exported_by = table.Column<Guid>(type: "uuid", nullable: true),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_claims", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payment_profiles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    route = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    erased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    benefits_advice_offered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    benefits_advice_outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    benefits_advice_recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    benefits_advice_recorded_by = table.Column<Guid>(type: "uuid", nullable: true),
                    public_sector_employment_employer = table.Column<string>(type: "text", nullable: true),
                    public_sector_employment_involvement_within_job = table.Column<bool>(type: "boolean", nullable: true),
                    public_sector_employment_recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_profiles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "programmes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    purpose = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completion_combination = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    delivery_rules_lead_must_be_patient_trainer = table.Column<bool>(type: "boolean", nullable: false),
                    delivery_rules_maximum_teams = table.Column<int>(type: "integer", nullable: false),
                    delivery_rules_minimum_lived_experience_members_per_team = table.Column<int>(type: "integer", nullable: false),
                    delivery_rules_minimum_patient_trainers_per_session = table.Column<int>(type: "integer", nullable: false),
                    delivery_rules_minimum_teams = table.Column<int>(type: "integer", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programmes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "questionnaires",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    scale_minimum = table.Column<int>(type: "integer", nullable: false),
                    scale_maximum = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questionnaires", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "readiness_assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_readiness_assessments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "review_submissions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    panel_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    service_area = table.Column<string>(type: "text", nullable: false),
                    project_lead_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    team_member_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_submissions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "support_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    held_by = table.Column<Guid>(type: "uuid", nullable: false),
                    agreed_next_step = table.Column<string>(type: "text", nullable: false),
                    notes = table.Column<string>(type: "text", nullable: true),
                    story_sharing_id = table.Column<Guid>(type: "uuid", nullable: true),
                    next_review_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_support_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cohort_evaluation_answers",
                columns: table => new
                {
                    cohort_evaluation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    timing = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    value = table.Column<int>(type: "integer", nullable: false),
                    answered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    item_code = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_evaluation_answers", x => new { x.cohort_evaluation_id, x.position });
                    table.ForeignKey(
                        name: "fk_cohort_evaluation_answers_cohort_evaluations_cohort_evaluat~",
                        column: x => x.cohort_evaluation_id,
                        principalTable: "cohort_evaluations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cohort_evaluation_items",
                columns: table => new
                {
                    cohort_evaluation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    statement = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_evaluation_items", x => new { x.cohort_evaluation_id, x.position });
                    table.ForeignKey(
                        name: "fk_cohort_evaluation_items_cohort_evaluations_cohort_evaluatio~",
                        column: x => x.cohort_evaluation_id,
                        principalTable: "cohort_evaluations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cohort_attendance",
                columns: table => new
                {
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status_code = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_attendance", x => new { x.cohort_id, x.position });
                    table.ForeignKey(
                        name: "fk_cohort_attendance_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cohort_attendance_statuses",
                columns: table => new
                {
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    weight = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_attendance_statuses", x => new { x.cohort_id, x.position });
                    table.ForeignKey(
                        name: "fk_cohort_attendance_statuses_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cohort_completion_criteria",
                columns: table => new
                {
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    minimum_attendance_share = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_completion_criteria", x => new { x.cohort_id, x.position });
                    table.ForeignKey(
                        name: "fk_cohort_completion_criteria_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cohort_sessions",
                columns: table => new
                {
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    module_code = table.Column<string>(type: "text", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duration = table.Column<TimeSpan>(type: "interval", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancellation_reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_sessions", x => new { x.cohort_id, x.position });
                    table.ForeignKey(
                        name: "fk_cohort_sessions_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cohort_teams",
                columns: table => new
                {
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    improvement_aim = table.Column<string>(type: "text", nullable: false),
                    enrolled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    plan_submitted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    showcase_presented_on = table.Column<DateOnly>(type: "date", nullable: true),
                    signed_off_by = table.Column<Guid>(type: "uuid", nullable: true),
                    signed_off_on = table.Column<DateOnly>(type: "date", nullable: true),
                    withdrawn_on = table.Column<DateOnly>(type: "date", nullable: true),
                    withdrawal_reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_teams", x => new { x.cohort_id, x.position });
                    table.ForeignKey(
                        name: "fk_cohort_teams_cohorts_cohort_id",
                        column: x => x.cohort_id,
                        principalTable: "cohorts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "improvement_project_involvement_records",
                columns: table => new
                {
                    improvement_project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    feedback_given_on = table.Column<DateOnly>(type: "date", nullable: true),
                    feedback_summary = table.Column<string>(type: "text", nullable: true),
                    phase_id = table.Column<string>(type: "text", nullable: false),
                    level_id = table.Column<string>(type: "text", nullable: false),
                    activity = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_improvement_project_involvement_records", x => new { x.improvement_project_id, x.position });
                    table.ForeignKey(
                        name: "fk_improvement_project_involvement_records_improvement_project~",
                        column: x => x.improvement_project_id,
                        principalTable: "improvement_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "improvement_project_measure_values",
                columns: table => new
                {
                    improvement_project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    measure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    value_on = table.Column<DateOnly>(type: "date", nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_improvement_project_measure_values", x => new { x.improvement_project_id, x.position });
                    table.ForeignKey(
                        name: "fk_improvement_project_measure_values_improvement_projects_imp~",
                        column: x => x.improvement_project_id,
                        principalTable: "improvement_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "improvement_project_measures",
                columns: table => new
                {
                    improvement_project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    measure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    is_patient_experience = table.Column<bool>(type: "boolean", nullable: false),
                    direction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    unit = table.Column<string>(type: "text", nullable: true),
                    change_introduced_on = table.Column<DateOnly>(type: "date", nullable: true),
                    name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_improvement_project_measures", x => new { x.improvement_project_id, x.position });
                    table.ForeignKey(
                        name: "fk_improvement_project_measures_improvement_projects_improveme~",
                        column: x => x.improvement_project_id,
                        principalTable: "improvement_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "improvement_project_plan_entries",
                columns: table => new
                {
                    improvement_project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    planned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revision_reason = table.Column<string>(type: "text", nullable: true),
                    phase_id = table.Column<string>(type: "text", nullable: false),
                    level_id = table.Column<string>(type: "text", nullable: false),
                    who = table.Column<string>(type: "text", nullable: false),
                    how = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_improvement_project_plan_entries", x => new { x.improvement_project_id, x.position });
                    table.ForeignKey(
                        name: "fk_improvement_project_plan_entries_improvement_projects_impro~",
                        column: x => x.improvement_project_id,
                        principalTable: "improvement_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "improvement_project_team_members",
                columns: table => new
                {
                    improvement_project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    is_core_team = table.Column<bool>(type: "boolean", nullable: false),
                    joined_on = table.Column<DateOnly>(type: "date", nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_improvement_project_team_members", x => new { x.improvement_project_id, x.position });
                    table.ForeignKey(
                        name: "fk_improvement_project_team_members_improvement_projects_impro~",
                        column: x => x.improvement_project_id,
                        principalTable: "improvement_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "involvement_assessment_assessors",
                columns: table => new
                {
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    perspective = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_assessment_assessors", x => new { x.assessment_id, x.position });
                    table.ForeignKey(
                        name: "fk_involvement_assessment_assessors_involvement_assessments_as~",
                        column: x => x.assessment_id,
                        principalTable: "involvement_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "involvement_assessment_ratings",
                columns: table => new
                {
                    assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    assessor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    value = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "text", nullable: true),
                    indicator_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_assessment_ratings", x => new { x.assessment_id, x.position });
                    table.ForeignKey(
                        name: "fk_involvement_assessment_ratings_involvement_assessments_asse~",
                        column: x => x.assessment_id,
                        principalTable: "involvement_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "involvement_framework_level_groups",
                columns: table => new
                {
                    involvement_framework_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    group_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_framework_level_groups", x => new { x.involvement_framework_id, x.position });
                    table.ForeignKey(
                        name: "fk_involvement_framework_level_groups_involvement_frameworks_i~",
                        column: x => x.involvement_framework_id,
                        principalTable: "involvement_frameworks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "involvement_framework_levels",
                columns: table => new
                {
                    involvement_framework_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    group_id = table.Column<string>(type: "text", nullable: true),
                    level_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_framework_levels", x => new { x.involvement_framework_id, x.position });
                    table.ForeignKey(
                        name: "fk_involvement_framework_levels_involvement_frameworks_involve~",
                        column: x => x.involvement_framework_id,
                        principalTable: "involvement_frameworks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "involvement_framework_phases",
                columns: table => new
                {
                    involvement_framework_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    defines_problem = table.Column<bool>(type: "boolean", nullable: false),
                    phase_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_framework_phases", x => new { x.involvement_framework_id, x.position });
                    table.ForeignKey(
                        name: "fk_involvement_framework_phases_involvement_frameworks_involve~",
                        column: x => x.involvement_framework_id,
                        principalTable: "involvement_frameworks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "involvement_framework_rating_scales",
                columns: table => new
                {
                    involvement_framework_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    scale_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_framework_rating_scales", x => new { x.involvement_framework_id, x.position });
                    table.ForeignKey(
                        name: "fk_involvement_framework_rating_scales_involvement_frameworks_~",
                        column: x => x.involvement_framework_id,
                        principalTable: "involvement_frameworks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "involvement_framework_standards",
                columns: table => new
                {
                    involvement_framework_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    standard_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    weight = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_framework_standards", x => new { x.involvement_framework_id, x.position });
                    table.ForeignKey(
                        name: "fk_involvement_framework_standards_involvement_frameworks_invo~",
                        column: x => x.involvement_framework_id,
                        principalTable: "involvement_frameworks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "opportunity_expressions_of_interest",
                columns: table => new
                {
                    opportunity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    expression_id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    availability = table.Column<int>(type: "integer", nullable: false),
                    adjustments_needed = table.Column<string>(type: "text", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    decision_reason = table.Column<string>(type: "text", nullable: true),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    told_on = table.Column<DateOnly>(type: "date", nullable: true),
                    told_via = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lived_experience = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_opportunity_expressions_of_interest", x => new { x.opportunity_id, x.position });
                    table.ForeignKey(
                        name: "fk_opportunity_expressions_of_interest_opportunities_opportuni~",
                        column: x => x.opportunity_id,
                        principalTable: "opportunities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "opportunity_required_checks",
                columns: table => new
                {
                    opportunity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    training_name = table.Column<string>(type: "text", nullable: true),
                    valid_for_months = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_opportunity_required_checks", x => new { x.opportunity_id, x.position });
                    table.ForeignKey(
                        name: "fk_opportunity_required_checks_opportunities_opportunity_id",
                        column: x => x.opportunity_id,
                        principalTable: "opportunities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_meeting_agenda_slots",
                columns: table => new
                {
                    panel_meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: true),
                    starts_at = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_meeting_agenda_slots", x => new { x.panel_meeting_id, x.position });
                    table.ForeignKey(
                        name: "fk_panel_meeting_agenda_slots_panel_meetings_panel_meeting_id",
                        column: x => x.panel_meeting_id,
                        principalTable: "panel_meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_meeting_attendance",
                columns: table => new
                {
                    panel_meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    consents_to_recording = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_meeting_attendance", x => new { x.panel_meeting_id, x.position });
                    table.ForeignKey(
                        name: "fk_panel_meeting_attendance_panel_meetings_panel_meeting_id",
                        column: x => x.panel_meeting_id,
                        principalTable: "panel_meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_meeting_conflicts_of_interest",
                columns: table => new
                {
                    panel_meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reviewer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    origin = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dismissal_reason = table.Column<string>(type: "text", nullable: true),
                    dismissed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    note = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_meeting_conflicts_of_interest", x => new { x.panel_meeting_id, x.position });
                    table.ForeignKey(
                        name: "fk_panel_meeting_conflicts_of_interest_panel_meetings_panel_me~",
                        column: x => x.panel_meeting_id,
                        principalTable: "panel_meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_meeting_lead_reviewers",
                columns: table => new
                {
                    panel_meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reviewer_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_meeting_lead_reviewers", x => new { x.panel_meeting_id, x.position });
                    table.ForeignKey(
                        name: "fk_panel_meeting_lead_reviewers_panel_meetings_panel_meeting_id",
                        column: x => x.panel_meeting_id,
                        principalTable: "panel_meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_meeting_reviews",
                columns: table => new
                {
                    panel_meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reviewer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_number = table.Column<int>(type: "integer", nullable: false),
                    form_id = table.Column<Guid>(type: "uuid", nullable: false),
                    comments = table.Column<string>(type: "text", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_meeting_reviews", x => new { x.panel_meeting_id, x.position });
                    table.ForeignKey(
                        name: "fk_panel_meeting_reviews_panel_meetings_panel_meeting_id",
                        column: x => x.panel_meeting_id,
                        principalTable: "panel_meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_lived_experience",
                columns: table => new
                {
                    panel_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    service_area = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_lived_experience", x => new { x.panel_id, x.position });
                    table.ForeignKey(
                        name: "fk_panel_lived_experience_panels_panel_id",
                        column: x => x.panel_id,
                        principalTable: "panels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_members",
                columns: table => new
                {
                    panel_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    term_starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    term_ends_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_members", x => new { x.panel_id, x.position });
                    table.ForeignKey(
                        name: "fk_panel_members_panels_panel_id",
                        column: x => x.panel_id,
                        principalTable: "panels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_personal_links",
                columns: table => new
                {
                    panel_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    related_participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_personal_links", x => new { x.panel_id, x.position });
                    table.ForeignKey(
                        name: "fk_panel_personal_links_panels_panel_id",
                        column: x => x.panel_id,
                        principalTable: "panels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_review_forms",
                columns: table => new
                {
                    panel_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    applies_from_round = table.Column<int>(type: "integer", nullable: false),
                    defined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_review_forms", x => new { x.panel_id, x.position });
                    table.ForeignKey(
                        name: "fk_panel_review_forms_panels_panel_id",
                        column: x => x.panel_id,
                        principalTable: "panels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "participant_accessibility_needs",
                columns: table => new
                {
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    reasonable_adjustment = table.Column<string>(type: "text", nullable: true),
                    need = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_participant_accessibility_needs", x => new { x.participant_id, x.position });
                    table.ForeignKey(
                        name: "fk_participant_accessibility_needs_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "participant_consents",
                columns: table => new
                {
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    purpose = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    given_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_participant_consents", x => new { x.participant_id, x.position });
                    table.ForeignKey(
                        name: "fk_participant_consents_participants_participant_id",
                        column: x => x.participant_id,
                        principalTable: "participants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partner_record_announced_work",
                columns: table => new
                {
                    partner_record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_record_announced_work", x => new { x.partner_record_id, x.position });
                    table.ForeignKey(
                        name: "fk_partner_record_announced_work_partner_records_partner_recor~",
                        column: x => x.partner_record_id,
                        principalTable: "partner_records",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partner_record_appointments",
                columns: table => new
                {
                    partner_record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    appointment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    opportunity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    appointed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    review_on = table.Column<DateOnly>(type: "date", nullable: true),
                    first_activity_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_record_appointments", x => new { x.partner_record_id, x.position });
                    table.ForeignKey(
                        name: "fk_partner_record_appointments_partner_records_partner_record_~",
                        column: x => x.partner_record_id,
                        principalTable: "partner_records",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partner_record_checks",
                columns: table => new
                {
                    partner_record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    check_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    training_name = table.Column<string>(type: "text", nullable: true),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_record_checks", x => new { x.partner_record_id, x.position });
                    table.ForeignKey(
                        name: "fk_partner_record_checks_partner_records_partner_record_id",
                        column: x => x.partner_record_id,
                        principalTable: "partner_records",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partner_record_story_sharing",
                columns: table => new
                {
                    partner_record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    story_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_on = table.Column<DateOnly>(type: "date", nullable: false),
                    readiness = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    readiness_confirmed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    debrief_id = table.Column<Guid>(type: "uuid", nullable: true),
                    occasion = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_record_story_sharing", x => new { x.partner_record_id, x.position });
                    table.ForeignKey(
                        name: "fk_partner_record_story_sharing_partner_records_partner_record~",
                        column: x => x.partner_record_id,
                        principalTable: "partner_records",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patient_trainer_pathway_evidence",
                columns: table => new
                {
                    patient_trainer_pathway_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    on_date = table.Column<DateOnly>(type: "date", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    note = table.Column<string>(type: "text", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patient_trainer_pathway_evidence", x => new { x.patient_trainer_pathway_id, x.position });
                    table.ForeignKey(
                        name: "fk_patient_trainer_pathway_evidence_patient_trainer_pathways_p~",
                        column: x => x.patient_trainer_pathway_id,
                        principalTable: "patient_trainer_pathways",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patient_trainer_pathway_sign_offs",
                columns: table => new
                {
                    patient_trainer_pathway_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    from_stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    to_stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    signed_off_by = table.Column<Guid>(type: "uuid", nullable: false),
                    capacity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    on_date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patient_trainer_pathway_sign_offs", x => new { x.patient_trainer_pathway_id, x.position });
                    table.ForeignKey(
                        name: "fk_patient_trainer_pathway_sign_offs_patient_trainer_pathways_~",
                        column: x => x.patient_trainer_pathway_id,
                        principalTable: "patient_trainer_pathways",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payment_claim_expenses",
                columns: table => new
                {
                    payment_claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    receipt_provided = table.Column<bool>(type: "boolean", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: true),
                    miles = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    passengers = table.Column<int>(type: "integer", nullable: true),
                    vehicle = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_claim_expenses", x => new { x.payment_claim_id, x.position });
                    table.ForeignKey(
                        name: "fk_payment_claim_expenses_payment_claims_payment_claim_id",
                        column: x => x.payment_claim_id,
                        principalTable: "payment_claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payment_claim_lines",
                columns: table => new
                {
                    payment_claim_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    role_level = table.Column<string>(type: "text", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    basis = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    rate = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    priced_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    policy_name = table.Column<string>(type: "text", nullable: true),
                    policy_version_from = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_claim_lines", x => new { x.payment_claim_id, x.position });
                    table.ForeignKey(
                        name: "fk_payment_claim_lines_payment_claims_payment_claim_id",
                        column: x => x.payment_claim_id,
                        principalTable: "payment_claims",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programme_attendance_statuses",
                columns: table => new
                {
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    weight = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_attendance_statuses", x => new { x.programme_id, x.position });
                    table.ForeignKey(
                        name: "fk_programme_attendance_statuses_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programme_completion_criteria",
                columns: table => new
                {
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    minimum_attendance_share = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_completion_criteria", x => new { x.programme_id, x.position });
                    table.ForeignKey(
                        name: "fk_programme_completion_criteria_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programme_curriculum_versions",
                columns: table => new
                {
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    summary_of_changes = table.Column<string>(type: "text", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_curriculum_versions", x => new { x.programme_id, x.position });
                    table.ForeignKey(
                        name: "fk_programme_curriculum_versions_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "questionnaire_items",
                columns: table => new
                {
                    questionnaire_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    statement = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questionnaire_items", x => new { x.questionnaire_id, x.position });
                    table.ForeignKey(
                        name: "fk_questionnaire_items_questionnaires_questionnaire_id",
                        column: x => x.questionnaire_id,
                        principalTable: "questionnaires",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "readiness_assessment_items",
                columns: table => new
                {
                    readiness_assessment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    rating = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    notes = table.Column<string>(type: "text", nullable: true),
                    assessed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    assessed_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_readiness_assessment_items", x => new { x.readiness_assessment_id, x.position });
                    table.ForeignKey(
                        name: "fk_readiness_assessment_items_readiness_assessments_readiness_~",
                        column: x => x.readiness_assessment_id,
                        principalTable: "readiness_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_submission_rounds",
                columns: table => new
                {
                    review_submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    summary = table.Column<string>(type: "text", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    triage_outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    triage_reason = table.Column<string>(type: "text", nullable: true),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: true),
                    presented_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    feedback_issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    response_received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lead_experience_rating = table.Column<int>(type: "integer", nullable: true),
                    lead_experience_comment = table.Column<string>(type: "text", nullable: true),
                    lead_experience_recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_submission_rounds", x => new { x.review_submission_id, x.position });
                    table.ForeignKey(
                        name: "fk_review_submission_rounds_review_submissions_review_submissi~",
                        column: x => x.review_submission_id,
                        principalTable: "review_submissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_submission_state_changes",
                columns: table => new
                {
                    review_submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    round_number = table.Column<int>(type: "integer", nullable: false),
                    from = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    trigger = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    to = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_submission_state_changes", x => new { x.review_submission_id, x.position });
                    table.ForeignKey(
                        name: "fk_review_submission_state_changes_review_submissions_review_s~",
                        column: x => x.review_submission_id,
                        principalTable: "review_submissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cohort_session_facilitators",
                columns: table => new
                {
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_position = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    is_patient_trainer = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_session_facilitators", x => new { x.cohort_id, x.session_position, x.position });
                    table.ForeignKey(
                        name: "fk_cohort_session_facilitators_cohort_sessions_cohort_id_sessi~",
                        columns: x => new { x.cohort_id, x.session_position },
                        principalTable: "cohort_sessions",
                        principalColumns: new[] { "cohort_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cohort_team_members",
                columns: table => new
                {
                    cohort_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_position = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    has_lived_experience = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_team_members", x => new { x.cohort_id, x.team_position, x.position });
                    table.ForeignKey(
                        name: "fk_cohort_team_members_cohort_teams_cohort_id_team_position",
                        columns: x => new { x.cohort_id, x.team_position },
                        principalTable: "cohort_teams",
                        principalColumns: new[] { "cohort_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "improvement_project_involved_participants",
                columns: table => new
                {
                    improvement_project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    record_position = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    has_lived_experience = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_improvement_project_involved_participants", x => new { x.improvement_project_id, x.record_position, x.position });
                    table.ForeignKey(
                        name: "fk_improvement_project_involved_participants_improvement_proje~",
                        columns: x => new { x.improvement_project_id, x.record_position },
                        principalTable: "improvement_project_involvement_records",
                        principalColumns: new[] { "improvement_project_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "involvement_framework_rating_points",
                columns: table => new
                {
                    involvement_framework_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scale_position = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<int>(type: "integer", nullable: false),
                    label = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_framework_rating_points", x => new { x.involvement_framework_id, x.scale_position, x.position });
                    table.ForeignKey(
                        name: "fk_involvement_framework_rating_points_involvement_framework_r~",
                        columns: x => new { x.involvement_framework_id, x.scale_position },
                        principalTable: "involvement_framework_rating_scales",
                        principalColumns: new[] { "involvement_framework_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "involvement_framework_indicators",
                columns: table => new
                {
                    involvement_framework_id = table.Column<Guid>(type: "uuid", nullable: false),
                    standard_position = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    indicator_id = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    weight = table.Column<double>(type: "double precision", nullable: false),
                    scale_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_framework_indicators", x => new { x.involvement_framework_id, x.standard_position, x.position });
                    table.ForeignKey(
                        name: "fk_involvement_framework_indicators_involvement_framework_stan~",
                        columns: x => new { x.involvement_framework_id, x.standard_position },
                        principalTable: "involvement_framework_standards",
                        principalColumns: new[] { "involvement_framework_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_meeting_review_answers",
                columns: table => new
                {
                    panel_meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    review_position = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    question_key = table.Column<string>(type: "text", nullable: false),
                    answer = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_meeting_review_answers", x => new { x.panel_meeting_id, x.review_position, x.position });
                    table.ForeignKey(
                        name: "fk_panel_meeting_review_answers_panel_meeting_reviews_panel_me~",
                        columns: x => new { x.panel_meeting_id, x.review_position },
                        principalTable: "panel_meeting_reviews",
                        principalColumns: new[] { "panel_meeting_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_meeting_review_ratings",
                columns: table => new
                {
                    panel_meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    review_position = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    rating = table.Column<int>(type: "integer", nullable: false),
                    criterion_key = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_meeting_review_ratings", x => new { x.panel_meeting_id, x.review_position, x.position });
                    table.ForeignKey(
                        name: "fk_panel_meeting_review_ratings_panel_meeting_reviews_panel_me~",
                        columns: x => new { x.panel_meeting_id, x.review_position },
                        principalTable: "panel_meeting_reviews",
                        principalColumns: new[] { "panel_meeting_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_review_form_criteria",
                columns: table => new
                {
                    panel_id = table.Column<Guid>(type: "uuid", nullable: false),
                    form_position = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    prompt = table.Column<string>(type: "text", nullable: false),
                    scale_minimum = table.Column<int>(type: "integer", nullable: false),
                    scale_maximum = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_review_form_criteria", x => new { x.panel_id, x.form_position, x.position });
                    table.ForeignKey(
                        name: "fk_panel_review_form_criteria_panel_review_forms_panel_id_form~",
                        columns: x => new { x.panel_id, x.form_position },
                        principalTable: "panel_review_forms",
                        principalColumns: new[] { "panel_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_review_form_questions",
                columns: table => new
                {
                    panel_id = table.Column<Guid>(type: "uuid", nullable: false),
                    form_position = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    key = table.Column<string>(type: "text", nullable: false),
                    prompt = table.Column<string>(type: "text", nullable: false),
                    is_required = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_review_form_questions", x => new { x.panel_id, x.form_position, x.position });
                    table.ForeignKey(
                        name: "fk_panel_review_form_questions_panel_review_forms_panel_id_for~",
                        columns: x => new { x.panel_id, x.form_position },
                        principalTable: "panel_review_forms",
                        principalColumns: new[] { "panel_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programme_curriculum_co_designers",
                columns: table => new
                {
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_position = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    participant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    perspective = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    contribution = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_curriculum_co_designers", x => new { x.programme_id, x.version_position, x.position });
                    table.ForeignKey(
                        name: "fk_programme_curriculum_co_designers_programme_curriculum_vers~",
                        columns: x => new { x.programme_id, x.version_position },
                        principalTable: "programme_curriculum_versions",
                        principalColumns: new[] { "programme_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programme_curriculum_modules",
                columns: table => new
                {
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_position = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    learning_outcomes = table.Column<string[]>(type: "text[]", nullable: false),
                    duration = table.Column<TimeSpan>(type: "interval", nullable: false),
                    delivery_mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_curriculum_modules", x => new { x.programme_id, x.version_position, x.position });
                    table.ForeignKey(
                        name: "fk_programme_curriculum_modules_programme_curriculum_versions_~",
                        columns: x => new { x.programme_id, x.version_position },
                        principalTable: "programme_curriculum_versions",
                        principalColumns: new[] { "programme_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_submission_feedback",
                columns: table => new
                {
                    review_submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_position = table.Column<int>(type: "integer", nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_number = table.Column<int>(type: "integer", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    form_id = table.Column<Guid>(type: "uuid", nullable: false),
                    summary = table.Column<string>(type: "text", nullable: false),
                    agreement_alpha = table.Column<double>(type: "double precision", nullable: true),
                    compiled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reviewer_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_submission_feedback", x => new { x.review_submission_id, x.round_position });
                    table.ForeignKey(
                        name: "fk_review_submission_feedback_review_submission_rounds_review_~",
                        columns: x => new { x.review_submission_id, x.round_position },
                        principalTable: "review_submission_rounds",
                        principalColumns: new[] { "review_submission_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_submission_round_actions",
                columns: table => new
                {
                    review_submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_position = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recommendation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_submission_round_actions", x => new { x.review_submission_id, x.round_position, x.position });
                    table.ForeignKey(
                        name: "fk_review_submission_round_actions_review_submission_rounds_re~",
                        columns: x => new { x.review_submission_id, x.round_position },
                        principalTable: "review_submission_rounds",
                        principalColumns: new[] { "review_submission_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_submission_round_follow_ups",
                columns: table => new
                {
                    review_submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_position = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    action_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    impact = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_submission_round_follow_ups", x => new { x.review_submission_id, x.round_position, x.position });
                    table.ForeignKey(
                        name: "fk_review_submission_round_follow_ups_review_submission_rounds~",
                        columns: x => new { x.review_submission_id, x.round_position },
                        principalTable: "review_submission_rounds",
                        principalColumns: new[] { "review_submission_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_submission_round_responses",
                columns: table => new
                {
                    review_submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_position = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    recommendation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_submission_round_responses", x => new { x.review_submission_id, x.round_position, x.position });
                    table.ForeignKey(
                        name: "fk_review_submission_round_responses_review_submission_rounds_~",
                        columns: x => new { x.review_submission_id, x.round_position },
                        principalTable: "review_submission_rounds",
                        principalColumns: new[] { "review_submission_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_submission_feedback_criteria",
                columns: table => new
                {
                    review_submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_position = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    rating_count = table.Column<int>(type: "integer", nullable: false),
                    mean = table.Column<double>(type: "double precision", nullable: false),
                    median = table.Column<double>(type: "double precision", nullable: false),
                    minimum = table.Column<int>(type: "integer", nullable: false),
                    maximum = table.Column<int>(type: "integer", nullable: false),
                    standard_deviation = table.Column<double>(type: "double precision", nullable: true),
                    criterion_key = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_submission_feedback_criteria", x => new { x.review_submission_id, x.round_position, x.position });
                    table.ForeignKey(
                        name: "fk_review_submission_feedback_criteria_review_submission_feedb~",
                        columns: x => new { x.review_submission_id, x.round_position },
                        principalTable: "review_submission_feedback",
                        principalColumns: new[] { "review_submission_id", "round_position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_submission_feedback_recommendations",
                columns: table => new
                {
                    review_submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_position = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_submission_feedback_recommendations", x => new { x.review_submission_id, x.round_position, x.position });
                    table.ForeignKey(
                        name: "fk_review_submission_feedback_recommendations_review_submissio~",
                        columns: x => new { x.review_submission_id, x.round_position },
                        principalTable: "review_submission_feedback",
                        principalColumns: new[] { "review_submission_id", "round_position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cohort_evaluations_organisation_id",
                table: "cohort_evaluations",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_cohort_evaluations_organisation_id_cohort_id",
                table: "cohort_evaluations",
                columns: new[] { "organisation_id", "cohort_id" });

            migrationBuilder.CreateIndex(
                name: "ix_cohort_evaluations_organisation_id_cohort_id_questionnaire_~",
                table: "cohort_evaluations",
                columns: new[] { "organisation_id", "cohort_id", "questionnaire_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cohort_evaluations_organisation_id_programme_id",
                table: "cohort_evaluations",
                columns: new[] { "organisation_id", "programme_id" });

            migrationBuilder.CreateIndex(
                name: "ix_cohort_session_facilitators_participant_id",
                table: "cohort_session_facilitators",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_cohort_sessions_id",
                table: "cohort_sessions",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cohort_team_members_participant_id",
                table: "cohort_team_members",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_cohort_teams_id",
                table: "cohort_teams",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cohorts_organisation_id",
                table: "cohorts",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_cohorts_organisation_id_programme_id",
                table: "cohorts",
                columns: new[] { "organisation_id", "programme_id" });

            migrationBuilder.CreateIndex(
                name: "ix_improvement_project_involved_participants_participant_id",
                table: "improvement_project_involved_participants",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_improvement_project_team_members_participant_id",
                table: "improvement_project_team_members",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_improvement_projects_organisation_id",
                table: "improvement_projects",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_improvement_projects_organisation_id_framework_id",
                table: "improvement_projects",
                columns: new[] { "organisation_id", "framework_id" });

            migrationBuilder.CreateIndex(
                name: "ix_improvement_projects_organisation_id_status",
                table: "improvement_projects",
                columns: new[] { "organisation_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_involvement_activities_organisation_id",
                table: "involvement_activities",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_involvement_activities_organisation_id_date",
                table: "involvement_activities",
                columns: new[] { "organisation_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_involvement_activities_organisation_id_participant_id",
                table: "involvement_activities",
                columns: new[] { "organisation_id", "participant_id" });

            migrationBuilder.CreateIndex(
                name: "ix_involvement_assessment_assessors_participant_id",
                table: "involvement_assessment_assessors",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_involvement_assessments_organisation_id",
                table: "involvement_assessments",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_involvement_assessments_organisation_id_project_id",
                table: "involvement_assessments",
                columns: new[] { "organisation_id", "project_id" });

            migrationBuilder.CreateIndex(
                name: "ix_involvement_frameworks_organisation_id",
                table: "involvement_frameworks",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_involvement_frameworks_organisation_id_key",
                table: "involvement_frameworks",
                columns: new[] { "organisation_id", "key" });

            migrationBuilder.CreateIndex(
                name: "ix_involvement_frameworks_organisation_id_key_framework_version",
                table: "involvement_frameworks",
                columns: new[] { "organisation_id", "key", "framework_version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_opportunities_organisation_id",
                table: "opportunities",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_opportunities_organisation_id_status",
                table: "opportunities",
                columns: new[] { "organisation_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_opportunity_expressions_of_interest_participant_id",
                table: "opportunity_expressions_of_interest",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_aggregate_id",
                table: "outbox_messages",
                column: "aggregate_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_organisation_id_actor",
                table: "outbox_messages",
                columns: new[] { "organisation_id", "actor" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_organisation_id_dispatched_at",
                table: "outbox_messages",
                columns: new[] { "organisation_id", "dispatched_at" });

            migrationBuilder.CreateIndex(
                name: "ix_panel_meeting_agenda_slots_submission_id",
                table: "panel_meeting_agenda_slots",
                column: "submission_id");

            migrationBuilder.CreateIndex(
                name: "ix_panel_meeting_attendance_participant_id",
                table: "panel_meeting_attendance",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_panel_meeting_conflicts_of_interest_reviewer_id",
                table: "panel_meeting_conflicts_of_interest",
                column: "reviewer_id");

            migrationBuilder.CreateIndex(
                name: "ix_panel_meeting_lead_reviewers_reviewer_id",
                table: "panel_meeting_lead_reviewers",
                column: "reviewer_id");

            migrationBuilder.CreateIndex(
                name: "ix_panel_meeting_reviews_reviewer_id",
                table: "panel_meeting_reviews",
                column: "reviewer_id");

            migrationBuilder.CreateIndex(
                name: "ix_panel_meeting_reviews_submission_id",
                table: "panel_meeting_reviews",
                column: "submission_id");

            migrationBuilder.CreateIndex(
                name: "ix_panel_meetings_organisation_id",
                table: "panel_meetings",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_panel_meetings_organisation_id_panel_id_date",
                table: "panel_meetings",
                columns: new[] { "organisation_id", "panel_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_panel_members_participant_id",
                table: "panel_members",
                column: "participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_panel_personal_links_member_id",
                table: "panel_personal_links",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_panel_personal_links_related_participant_id",
                table: "panel_personal_links",
                column: "related_participant_id");

            migrationBuilder.CreateIndex(
                name: "ix_panels_organisation_id",
                table: "panels",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_panels_organisation_id_name",
                table: "panels",
                columns: new[] { "organisation_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_participants_organisation_id",
                table: "participants",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_partner_records_organisation_id",
                table: "partner_records",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_partner_records_organisation_id_participant_id",
                table: "partner_records",
                columns: new[] { "organisation_id", "participant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_patient_trainer_pathways_organisation_id",
                table: "patient_trainer_pathways",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_patient_trainer_pathways_organisation_id_participant_id",
                table: "patient_trainer_pathways",
                columns: new[] { "organisation_id", "participant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_patient_trainer_pathways_organisation_id_stage",
                table: "patient_trainer_pathways",
                columns: new[] { "organisation_id", "stage" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_claim_lines_activity_id",
                table: "payment_claim_lines",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_payment_claims_organisation_id",
                table: "payment_claims",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_payment_claims_organisation_id_participant_id",
                table: "payment_claims",
                columns: new[] { "organisation_id", "participant_id" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_claims_organisation_id_status",
                table: "payment_claims",
                columns: new[] { "organisation_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_profiles_organisation_id",
                table: "payment_profiles",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_payment_profiles_organisation_id_participant_id",
                table: "payment_profiles",
                columns: new[] { "organisation_id", "participant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_programme_curriculum_versions_id",
                table: "programme_curriculum_versions",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_programmes_organisation_id",
                table: "programmes",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_programmes_organisation_id_name",
                table: "programmes",
                columns: new[] { "organisation_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_questionnaires_organisation_id",
                table: "questionnaires",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_readiness_assessments_organisation_id",
                table: "readiness_assessments",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_review_submission_round_actions_due_on",
                table: "review_submission_round_actions",
                column: "due_on");

            migrationBuilder.CreateIndex(
                name: "ix_review_submission_round_actions_owner_id",
                table: "review_submission_round_actions",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_review_submission_rounds_meeting_id",
                table: "review_submission_rounds",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_review_submissions_organisation_id",
                table: "review_submissions",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_review_submissions_organisation_id_panel_id",
                table: "review_submissions",
                columns: new[] { "organisation_id", "panel_id" });

            migrationBuilder.CreateIndex(
                name: "ix_review_submissions_organisation_id_project_lead_id",
                table: "review_submissions",
                columns: new[] { "organisation_id", "project_lead_id" });

            migrationBuilder.CreateIndex(
                name: "ix_review_submissions_organisation_id_state",
                table: "review_submissions",
                columns: new[] { "organisation_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_support_records_organisation_id",
                table: "support_records",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_support_records_organisation_id_participant_id",
                table: "support_records",
                columns: new[] { "organisation_id", "participant_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cohort_attendance");

            migrationBuilder.DropTable(
                name: "cohort_attendance_statuses");

            migrationBuilder.DropTable(
                name: "cohort_completion_criteria");

            migrationBuilder.DropTable(
                name: "cohort_evaluation_answers");

            migrationBuilder.DropTable(
                name: "cohort_evaluation_items");

            migrationBuilder.DropTable(
                name: "cohort_session_facilitators");

            migrationBuilder.DropTable(
                name: "cohort_team_members");

            migrationBuilder.DropTable(
                name: "improvement_project_involved_participants");

            migrationBuilder.DropTable(
                name: "improvement_project_measure_values");

            migrationBuilder.DropTable(
                name: "improvement_project_measures");

            migrationBuilder.DropTable(
                name: "improvement_project_plan_entries");

            migrationBuilder.DropTable(
                name: "improvement_project_team_members");

            migrationBuilder.DropTable(
                name: "involvement_activities");

            migrationBuilder.DropTable(
                name: "involvement_assessment_assessors");

            migrationBuilder.DropTable(
                name: "involvement_assessment_ratings");

            migrationBuilder.DropTable(
                name: "involvement_framework_indicators");

            migrationBuilder.DropTable(
                name: "involvement_framework_level_groups");

            migrationBuilder.DropTable(
                name: "involvement_framework_levels");

            migrationBuilder.DropTable(
                name: "involvement_framework_phases");

            migrationBuilder.DropTable(
                name: "involvement_framework_rating_points");

            migrationBuilder.DropTable(
                name: "opportunity_expressions_of_interest");

            migrationBuilder.DropTable(
                name: "opportunity_required_checks");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "panel_lived_experience");

            migrationBuilder.DropTable(
                name: "panel_meeting_agenda_slots");

            migrationBuilder.DropTable(
                name: "panel_meeting_attendance");

            migrationBuilder.DropTable(
                name: "panel_meeting_conflicts_of_interest");

            migrationBuilder.DropTable(
                name: "panel_meeting_lead_reviewers");

            migrationBuilder.DropTable(
                name: "panel_meeting_review_answers");

            migrationBuilder.DropTable(
                name: "panel_meeting_review_ratings");

            migrationBuilder.DropTable(
                name: "panel_members");

            migrationBuilder.DropTable(
                name: "panel_personal_links");

            migrationBuilder.DropTable(
                name: "panel_review_form_criteria");

            migrationBuilder.DropTable(
                name: "panel_review_form_questions");

            migrationBuilder.DropTable(
                name: "participant_accessibility_needs");

            migrationBuilder.DropTable(
                name: "participant_consents");

            migrationBuilder.DropTable(
                name: "partner_record_announced_work");

            migrationBuilder.DropTable(
                name: "partner_record_appointments");

            migrationBuilder.DropTable(
                name: "partner_record_checks");

            migrationBuilder.DropTable(
                name: "partner_record_story_sharing");

            migrationBuilder.DropTable(
                name: "patient_trainer_pathway_evidence");

            migrationBuilder.DropTable(
                name: "patient_trainer_pathway_sign_offs");

            migrationBuilder.DropTable(
                name: "payment_claim_expenses");

            migrationBuilder.DropTable(
                name: "payment_claim_lines");

            migrationBuilder.DropTable(
                name: "payment_profiles");

            migrationBuilder.DropTable(
                name: "programme_attendance_statuses");

            migrationBuilder.DropTable(
                name: "programme_completion_criteria");

            migrationBuilder.DropTable(
                name: "programme_curriculum_co_designers");

            migrationBuilder.DropTable(
                name: "programme_curriculum_modules");

            migrationBuilder.DropTable(
                name: "questionnaire_items");

            migrationBuilder.DropTable(
                name: "readiness_assessment_items");

            migrationBuilder.DropTable(
                name: "review_submission_feedback_criteria");

            migrationBuilder.DropTable(
                name: "review_submission_feedback_recommendations");

            migrationBuilder.DropTable(
                name: "review_submission_round_actions");

            migrationBuilder.DropTable(
                name: "review_submission_round_follow_ups");

            migrationBuilder.DropTable(
                name: "review_submission_round_responses");

            migrationBuilder.DropTable(
                name: "review_submission_state_changes");

            migrationBuilder.DropTable(
                name: "support_records");

            migrationBuilder.DropTable(
                name: "cohort_evaluations");

            migrationBuilder.DropTable(
                name: "cohort_sessions");

            migrationBuilder.DropTable(
                name: "cohort_teams");

            migrationBuilder.DropTable(
                name: "improvement_project_involvement_records");

            migrationBuilder.DropTable(
                name: "involvement_assessments");

            migrationBuilder.DropTable(
                name: "involvement_framework_standards");

            migrationBuilder.DropTable(
                name: "involvement_framework_rating_scales");

            migrationBuilder.DropTable(
                name: "opportunities");

            migrationBuilder.DropTable(
                name: "panel_meeting_reviews");

            migrationBuilder.DropTable(
                name: "panel_review_forms");

            migrationBuilder.DropTable(
                name: "participants");

            migrationBuilder.DropTable(
                name: "partner_records");

            migrationBuilder.DropTable(
                name: "patient_trainer_pathways");

            migrationBuilder.DropTable(
                name: "payment_claims");

            migrationBuilder.DropTable(
                name: "programme_curriculum_versions");

            migrationBuilder.DropTable(
                name: "questionnaires");

            migrationBuilder.DropTable(
                name: "readiness_assessments");

            migrationBuilder.DropTable(
                name: "review_submission_feedback");

            migrationBuilder.DropTable(
                name: "cohorts");

            migrationBuilder.DropTable(
                name: "improvement_projects");

            migrationBuilder.DropTable(
                name: "involvement_frameworks");

            migrationBuilder.DropTable(
                name: "panel_meetings");

            migrationBuilder.DropTable(
                name: "panels");

            migrationBuilder.DropTable(
                name: "programmes");

            migrationBuilder.DropTable(
                name: "review_submission_rounds");

            migrationBuilder.DropTable(
                name: "review_submissions");
        }
    }
}
