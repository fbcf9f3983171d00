using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduction.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddInvolvement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "improvement_projects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    framework_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    aim = table.Column<string>(type: "TEXT", nullable: false),
                    involvement_aim = table.Column<string>(type: "TEXT", nullable: true),
                    service_area = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    current_phase_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    started_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    origin_cohort_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    origin_cohort_team_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    peer_review_submission_ids = table.Column<string>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_improvement_projects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "involvement_assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    framework_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    project_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_assessments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "involvement_frameworks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    framework_version = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    source = table.Column<string>(type: "TEXT", nullable: false),
                    is_verified = table.Column<bool>(type: "INTEGER", nullable: false),
                    informing_level_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    revision_of_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_frameworks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "improvement_project_involvement_records",
                columns: table => new
                {
                    improvement_project_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    record_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    feedback_given_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    feedback_summary = table.Column<string>(type: "TEXT", nullable: true),
                    phase_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    level_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    activity = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_improvement_project_involvement_records", x => new { x.improvement_project_id, x.position });
                    table.ForeignKey(
                        name: "fk_improvement_project_involvement_records_improvement_projects_improvement_project_id",
                        column: x => x.improvement_project_id,
                        principalTable: "improvement_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "improvement_project_measure_values",
                columns: table => new
                {
                    improvement_project_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    measure_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    value_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    value = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_improvement_project_measure_values", x => new { x.improvement_project_id, x.position });
                    table.ForeignKey(
                        name: "fk_improvement_project_measure_values_improvement_projects_improvement_project_id",
                        column: x => x.improvement_project_id,
                        principalTable: "improvement_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "improvement_project_measures",
                columns: table => new
                {
                    improvement_project_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    measure_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    is_patient_experience = table.Column<bool>(type: "INTEGER", nullable: false),
                    direction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    change_introduced_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_improvement_project_measures", x => new { x.improvement_project_id, x.position });
                    table.ForeignKey(
                        name: "fk_improvement_project_measures_improvement_projects_improvement_project_id",
                        column: x => x.improvement_project_id,
                        principalTable: "improvement_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "improvement_project_plan_entries",
                columns: table => new
                {
                    improvement_project_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    phase_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    level_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    who = table.Column<string>(type: "TEXT", nullable: false),
                    how = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_improvement_project_plan_entries", x => new { x.improvement_project_id, x.position });
                    table.ForeignKey(
                        name: "fk_improvement_project_plan_entries_improvement_projects_improvement_project_id",
                        column: x => x.improvement_project_id,
                        principalTable: "improvement_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "improvement_project_team_members",
                columns: table => new
                {
                    improvement_project_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    is_core_team = table.Column<bool>(type: "INTEGER", nullable: false),
                    joined_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    left_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_improvement_project_team_members", x => new { x.improvement_project_id, x.position });
                    table.ForeignKey(
                        name: "fk_improvement_project_team_members_improvement_projects_improvement_project_id",
                        column: x => x.improvement_project_id,
                        principalTable: "improvement_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "involvement_assessment_assessors",
                columns: table => new
                {
                    assessment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    perspective = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_assessment_assessors", x => new { x.assessment_id, x.position });
                    table.ForeignKey(
                        name: "fk_involvement_assessment_assessors_involvement_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "involvement_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "involvement_assessment_ratings",
                columns: table => new
                {
                    assessment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    assessor_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    value = table.Column<int>(type: "INTEGER", nullable: false),
                    comment = table.Column<string>(type: "TEXT", nullable: true),
                    indicator_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_assessment_ratings", x => new { x.assessment_id, x.position });
                    table.ForeignKey(
                        name: "fk_involvement_assessment_ratings_involvement_assessments_assessment_id",
                        column: x => x.assessment_id,
                        principalTable: "involvement_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "involvement_framework_level_groups",
                columns: table => new
                {
                    involvement_framework_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    group_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_framework_level_groups", x => new { x.involvement_framework_id, x.position });
                    table.ForeignKey(
                        name: "fk_involvement_framework_level_groups_involvement_frameworks_involvement_framework_id",
                        column: x => x.involvement_framework_id,
                        principalTable: "involvement_frameworks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "involvement_framework_levels",
                columns: table => new
                {
                    involvement_framework_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    group_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    level_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_framework_levels", x => new { x.involvement_framework_id, x.position });
                    table.ForeignKey(
                        name: "fk_involvement_framework_levels_involvement_frameworks_involvement_framework_id",
                        column: x => x.involvement_framework_id,
                        principalTable: "involvement_frameworks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "involvement_framework_phases",
                columns: table => new
                {
                    involvement_framework_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    defines_problem = table.Column<bool>(type: "INTEGER", nullable: false),
                    phase_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_framework_phases", x => new { x.involvement_framework_id, x.position });
                    table.ForeignKey(
                        name: "fk_involvement_framework_phases_involvement_frameworks_involvement_framework_id",
                        column: x => x.involvement_framework_id,
                        principalTable: "involvement_frameworks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "involvement_framework_rating_scales",
                columns: table => new
                {
                    involvement_framework_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    scale_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_framework_rating_scales", x => new { x.involvement_framework_id, x.position });
                    table.ForeignKey(
                        name: "fk_involvement_framework_rating_scales_involvement_frameworks_involvement_framework_id",
                        column: x => x.involvement_framework_id,
                        principalTable: "involvement_frameworks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "involvement_framework_standards",
                columns: table => new
                {
                    involvement_framework_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    standard_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    weight = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_framework_standards", x => new { x.involvement_framework_id, x.position });
                    table.ForeignKey(
                        name: "fk_involvement_framework_standards_involvement_frameworks_involvement_framework_id",
                        column: x => x.involvement_framework_id,
                        principalTable: "involvement_frameworks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "improvement_project_involved_participants",
                columns: table => new
                {
                    improvement_project_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    record_position = table.Column<int>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    has_lived_experience = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_improvement_project_involved_participants", x => new { x.improvement_project_id, x.record_position, x.position });
                    table.ForeignKey(
                        name: "fk_improvement_project_involved_participants_improvement_project_involvement_records_improvement_project_id_record_position",
                        columns: x => new { x.improvement_project_id, x.record_position },
                        principalTable: "improvement_project_involvement_records",
                        principalColumns: new[] { "improvement_project_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "involvement_framework_rating_points",
                columns: table => new
                {
                    involvement_framework_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    scale_position = table.Column<int>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    value = table.Column<int>(type: "INTEGER", nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_framework_rating_points", x => new { x.involvement_framework_id, x.scale_position, x.position });
                    table.ForeignKey(
                        name: "fk_involvement_framework_rating_points_involvement_framework_rating_scales_involvement_framework_id_scale_position",
                        columns: x => new { x.involvement_framework_id, x.scale_position },
                        principalTable: "involvement_framework_rating_scales",
                        principalColumns: new[] { "involvement_framework_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "involvement_framework_indicators",
                columns: table => new
                {
                    involvement_framework_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    standard_position = table.Column<int>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    indicator_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    weight = table.Column<double>(type: "REAL", nullable: false),
                    scale_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_framework_indicators", x => new { x.involvement_framework_id, x.standard_position, x.position });
                    table.ForeignKey(
                        name: "fk_involvement_framework_indicators_involvement_framework_standards_involvement_framework_id_standard_position",
                        columns: x => new { x.involvement_framework_id, x.standard_position },
                        principalTable: "involvement_framework_standards",
                        principalColumns: new[] { "involvement_framework_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "improvement_project_involvement_records");

            migrationBuilder.DropTable(
                name: "involvement_assessments");

            migrationBuilder.DropTable(
                name: "involvement_framework_standards");

            migrationBuilder.DropTable(
                name: "involvement_framework_rating_scales");

            migrationBuilder.DropTable(
                name: "improvement_projects");

            migrationBuilder.DropTable(
                name: "involvement_frameworks");
        }
    }
}
