using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduction.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddProgrammes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cohort_evaluations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    cohort_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    programme_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    questionnaire_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    scale_minimum = table.Column<int>(type: "INTEGER", nullable: false),
                    scale_maximum = table.Column<int>(type: "INTEGER", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_evaluations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cohorts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    programme_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    curriculum_version_number = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    planned_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    cancellation_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    completion_combination = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    delivery_rules_lead_must_be_patient_trainer = table.Column<bool>(type: "INTEGER", nullable: false),
                    delivery_rules_maximum_teams = table.Column<int>(type: "INTEGER", nullable: false),
                    delivery_rules_minimum_lived_experience_members_per_team = table.Column<int>(type: "INTEGER", nullable: false),
                    delivery_rules_minimum_patient_trainers_per_session = table.Column<int>(type: "INTEGER", nullable: false),
                    delivery_rules_minimum_teams = table.Column<int>(type: "INTEGER", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohorts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "patient_trainer_pathways",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    started_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    current_stage_since = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    support_plan_debrief_arrangements = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    support_plan_mentor_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    support_plan_payment_arrangements = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    support_plan_review_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patient_trainer_pathways", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "programmes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    completion_combination = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    delivery_rules_lead_must_be_patient_trainer = table.Column<bool>(type: "INTEGER", nullable: false),
                    delivery_rules_maximum_teams = table.Column<int>(type: "INTEGER", nullable: false),
                    delivery_rules_minimum_lived_experience_members_per_team = table.Column<int>(type: "INTEGER", nullable: false),
                    delivery_rules_minimum_patient_trainers_per_session = table.Column<int>(type: "INTEGER", nullable: false),
                    delivery_rules_minimum_teams = table.Column<int>(type: "INTEGER", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programmes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "questionnaires",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    scale_minimum = table.Column<int>(type: "INTEGER", nullable: false),
                    scale_maximum = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questionnaires", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "readiness_assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    programme_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_readiness_assessments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cohort_evaluation_answers",
                columns: table => new
                {
                    cohort_evaluation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    timing = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    value = table.Column<int>(type: "INTEGER", nullable: false),
                    answered_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_evaluation_answers", x => new { x.cohort_evaluation_id, x.position });
                    table.ForeignKey(
                        name: "fk_cohort_evaluation_answers_cohort_evaluations_cohort_evaluation_id",
                        column: x => x.cohort_evaluation_id,
                        principalTable: "cohort_evaluations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cohort_evaluation_items",
                columns: table => new
                {
                    cohort_evaluation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    statement = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_evaluation_items", x => new { x.cohort_evaluation_id, x.position });
                    table.ForeignKey(
                        name: "fk_cohort_evaluation_items_cohort_evaluations_cohort_evaluation_id",
                        column: x => x.cohort_evaluation_id,
                        principalTable: "cohort_evaluations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cohort_attendance",
                columns: table => new
                {
                    cohort_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    session_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    status_code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
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
                    cohort_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    weight = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false)
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
                    cohort_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    minimum_attendance_share = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: true)
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
                    cohort_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    module_code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    duration = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    cancellation_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
                    cohort_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    improvement_aim = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    enrolled_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    plan_submitted_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    showcase_presented_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    signed_off_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    signed_off_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    withdrawn_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    withdrawal_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
                name: "patient_trainer_pathway_evidence",
                columns: table => new
                {
                    patient_trainer_pathway_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    on_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    session_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patient_trainer_pathway_evidence", x => new { x.patient_trainer_pathway_id, x.position });
                    table.ForeignKey(
                        name: "fk_patient_trainer_pathway_evidence_patient_trainer_pathways_patient_trainer_pathway_id",
                        column: x => x.patient_trainer_pathway_id,
                        principalTable: "patient_trainer_pathways",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patient_trainer_pathway_sign_offs",
                columns: table => new
                {
                    patient_trainer_pathway_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    from_stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    to_stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    signed_off_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    capacity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    on_date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patient_trainer_pathway_sign_offs", x => new { x.patient_trainer_pathway_id, x.position });
                    table.ForeignKey(
                        name: "fk_patient_trainer_pathway_sign_offs_patient_trainer_pathways_patient_trainer_pathway_id",
                        column: x => x.patient_trainer_pathway_id,
                        principalTable: "patient_trainer_pathways",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programme_attendance_statuses",
                columns: table => new
                {
                    programme_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    weight = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false)
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
                    programme_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    minimum_attendance_share = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: true)
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
                    programme_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    summary_of_changes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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
                    questionnaire_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    statement = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
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
                    readiness_assessment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    rating = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    assessed_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    assessed_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_readiness_assessment_items", x => new { x.readiness_assessment_id, x.position });
                    table.ForeignKey(
                        name: "fk_readiness_assessment_items_readiness_assessments_readiness_assessment_id",
                        column: x => x.readiness_assessment_id,
                        principalTable: "readiness_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cohort_session_facilitators",
                columns: table => new
                {
                    cohort_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    session_position = table.Column<int>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    is_patient_trainer = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_session_facilitators", x => new { x.cohort_id, x.session_position, x.position });
                    table.ForeignKey(
                        name: "fk_cohort_session_facilitators_cohort_sessions_cohort_id_session_position",
                        columns: x => new { x.cohort_id, x.session_position },
                        principalTable: "cohort_sessions",
                        principalColumns: new[] { "cohort_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cohort_team_members",
                columns: table => new
                {
                    cohort_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    team_position = table.Column<int>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    has_lived_experience = table.Column<bool>(type: "INTEGER", nullable: false)
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
                name: "programme_curriculum_co_designers",
                columns: table => new
                {
                    programme_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version_position = table.Column<int>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    perspective = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    contribution = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_curriculum_co_designers", x => new { x.programme_id, x.version_position, x.position });
                    table.ForeignKey(
                        name: "fk_programme_curriculum_co_designers_programme_curriculum_versions_programme_id_version_position",
                        columns: x => new { x.programme_id, x.version_position },
                        principalTable: "programme_curriculum_versions",
                        principalColumns: new[] { "programme_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programme_curriculum_modules",
                columns: table => new
                {
                    programme_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version_position = table.Column<int>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    learning_outcomes = table.Column<string>(type: "TEXT", nullable: false),
                    duration = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    delivery_mode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_curriculum_modules", x => new { x.programme_id, x.version_position, x.position });
                    table.ForeignKey(
                        name: "fk_programme_curriculum_modules_programme_curriculum_versions_programme_id_version_position",
                        columns: x => new { x.programme_id, x.version_position },
                        principalTable: "programme_curriculum_versions",
                        principalColumns: new[] { "programme_id", "position" },
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
                name: "ix_patient_trainer_pathways_organisation_id",
                table: "patient_trainer_pathways",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_patient_trainer_pathways_organisation_id_participant_id",
                table: "patient_trainer_pathways",
                columns: new[] { "organisation_id", "participant_id" });

            migrationBuilder.CreateIndex(
                name: "ix_patient_trainer_pathways_organisation_id_stage",
                table: "patient_trainer_pathways",
                columns: new[] { "organisation_id", "stage" });

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
                name: "ix_questionnaires_organisation_id",
                table: "questionnaires",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_readiness_assessments_organisation_id",
                table: "readiness_assessments",
                column: "organisation_id");
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
                name: "patient_trainer_pathway_evidence");

            migrationBuilder.DropTable(
                name: "patient_trainer_pathway_sign_offs");

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
                name: "cohort_evaluations");

            migrationBuilder.DropTable(
                name: "cohort_sessions");

            migrationBuilder.DropTable(
                name: "cohort_teams");

            migrationBuilder.DropTable(
                name: "patient_trainer_pathways");

            migrationBuilder.DropTable(
                name: "programme_curriculum_versions");

            migrationBuilder.DropTable(
                name: "questionnaires");

            migrationBuilder.DropTable(
                name: "readiness_assessments");

            migrationBuilder.DropTable(
                name: "cohorts");

            migrationBuilder.DropTable(
                name: "programmes");
        }
    }
}
