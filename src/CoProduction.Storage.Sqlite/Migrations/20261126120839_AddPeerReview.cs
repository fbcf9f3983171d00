using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduction.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddPeerReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "panel_meetings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    panel_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    chair_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recording_started_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    quorum_rule_minimum_patient_members = table.Column<int>(type: "INTEGER", nullable: false),
                    quorum_rule_require_patient_chair = table.Column<bool>(type: "INTEGER", nullable: false),
                    quorum_rule_require_staff_facilitator = table.Column<bool>(type: "INTEGER", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_meetings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "panels",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    terms_of_reference = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    established_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    quorum_rule_minimum_patient_members = table.Column<int>(type: "INTEGER", nullable: false),
                    quorum_rule_require_patient_chair = table.Column<bool>(type: "INTEGER", nullable: false),
                    quorum_rule_require_staff_facilitator = table.Column<bool>(type: "INTEGER", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panels", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "review_submissions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    panel_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    project_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    service_area = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    project_lead_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    team_member_ids = table.Column<string>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_submissions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "panel_meeting_agenda_slots",
                columns: table => new
                {
                    panel_meeting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    submission_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    starts_at = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    duration_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
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
                    panel_meeting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    consents_to_recording = table.Column<bool>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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
                    panel_meeting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reviewer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    submission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    origin = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    dismissal_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    dismissed_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_meeting_conflicts_of_interest", x => new { x.panel_meeting_id, x.position });
                    table.ForeignKey(
                        name: "fk_panel_meeting_conflicts_of_interest_panel_meetings_panel_meeting_id",
                        column: x => x.panel_meeting_id,
                        principalTable: "panel_meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_meeting_lead_reviewers",
                columns: table => new
                {
                    panel_meeting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    submission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reviewer_id = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    panel_meeting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reviewer_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    submission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    round_number = table.Column<int>(type: "INTEGER", nullable: false),
                    form_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    comments = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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
                    panel_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    service_area = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                    panel_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    term_starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    term_ends_on = table.Column<DateOnly>(type: "TEXT", nullable: false)
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
                    panel_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    member_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    related_participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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
                    panel_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    applies_from_round = table.Column<int>(type: "INTEGER", nullable: false),
                    defined_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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
                name: "review_submission_rounds",
                columns: table => new
                {
                    review_submission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    triage_outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    triage_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    meeting_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    presented_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    feedback_issued_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    response_received_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    lead_experience_rating = table.Column<int>(type: "INTEGER", nullable: true),
                    lead_experience_comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    lead_experience_recorded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_submission_rounds", x => new { x.review_submission_id, x.position });
                    table.ForeignKey(
                        name: "fk_review_submission_rounds_review_submissions_review_submission_id",
                        column: x => x.review_submission_id,
                        principalTable: "review_submissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_submission_state_changes",
                columns: table => new
                {
                    review_submission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    round_number = table.Column<int>(type: "INTEGER", nullable: false),
                    from = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    trigger = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    to = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_submission_state_changes", x => new { x.review_submission_id, x.position });
                    table.ForeignKey(
                        name: "fk_review_submission_state_changes_review_submissions_review_submission_id",
                        column: x => x.review_submission_id,
                        principalTable: "review_submissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_meeting_review_answers",
                columns: table => new
                {
                    panel_meeting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    review_position = table.Column<int>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    question_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_meeting_review_answers", x => new { x.panel_meeting_id, x.review_position, x.position });
                    table.ForeignKey(
                        name: "fk_panel_meeting_review_answers_panel_meeting_reviews_panel_meeting_id_review_position",
                        columns: x => new { x.panel_meeting_id, x.review_position },
                        principalTable: "panel_meeting_reviews",
                        principalColumns: new[] { "panel_meeting_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_meeting_review_ratings",
                columns: table => new
                {
                    panel_meeting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    review_position = table.Column<int>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    rating = table.Column<int>(type: "INTEGER", nullable: false),
                    criterion_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_meeting_review_ratings", x => new { x.panel_meeting_id, x.review_position, x.position });
                    table.ForeignKey(
                        name: "fk_panel_meeting_review_ratings_panel_meeting_reviews_panel_meeting_id_review_position",
                        columns: x => new { x.panel_meeting_id, x.review_position },
                        principalTable: "panel_meeting_reviews",
                        principalColumns: new[] { "panel_meeting_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_review_form_criteria",
                columns: table => new
                {
                    panel_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    form_position = table.Column<int>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    prompt = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    scale_minimum = table.Column<int>(type: "INTEGER", nullable: false),
                    scale_maximum = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_review_form_criteria", x => new { x.panel_id, x.form_position, x.position });
                    table.ForeignKey(
                        name: "fk_panel_review_form_criteria_panel_review_forms_panel_id_form_position",
                        columns: x => new { x.panel_id, x.form_position },
                        principalTable: "panel_review_forms",
                        principalColumns: new[] { "panel_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_review_form_questions",
                columns: table => new
                {
                    panel_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    form_position = table.Column<int>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    prompt = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    is_required = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_review_form_questions", x => new { x.panel_id, x.form_position, x.position });
                    table.ForeignKey(
                        name: "fk_panel_review_form_questions_panel_review_forms_panel_id_form_position",
                        columns: x => new { x.panel_id, x.form_position },
                        principalTable: "panel_review_forms",
                        principalColumns: new[] { "panel_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_submission_feedback",
                columns: table => new
                {
                    review_submission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    round_position = table.Column<int>(type: "INTEGER", nullable: false),
                    submission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    round_number = table.Column<int>(type: "INTEGER", nullable: false),
                    meeting_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    form_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    agreement_alpha = table.Column<double>(type: "REAL", nullable: true),
                    compiled_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    reviewer_ids = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_submission_feedback", x => new { x.review_submission_id, x.round_position });
                    table.ForeignKey(
                        name: "fk_review_submission_feedback_review_submission_rounds_review_submission_id_round_position",
                        columns: x => new { x.review_submission_id, x.round_position },
                        principalTable: "review_submission_rounds",
                        principalColumns: new[] { "review_submission_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_submission_round_actions",
                columns: table => new
                {
                    review_submission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    round_position = table.Column<int>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    recommendation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_submission_round_actions", x => new { x.review_submission_id, x.round_position, x.position });
                    table.ForeignKey(
                        name: "fk_review_submission_round_actions_review_submission_rounds_review_submission_id_round_position",
                        columns: x => new { x.review_submission_id, x.round_position },
                        principalTable: "review_submission_rounds",
                        principalColumns: new[] { "review_submission_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_submission_round_follow_ups",
                columns: table => new
                {
                    review_submission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    round_position = table.Column<int>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    action_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    impact = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_submission_round_follow_ups", x => new { x.review_submission_id, x.round_position, x.position });
                    table.ForeignKey(
                        name: "fk_review_submission_round_follow_ups_review_submission_rounds_review_submission_id_round_position",
                        columns: x => new { x.review_submission_id, x.round_position },
                        principalTable: "review_submission_rounds",
                        principalColumns: new[] { "review_submission_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_submission_round_responses",
                columns: table => new
                {
                    review_submission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    round_position = table.Column<int>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    recommendation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_submission_round_responses", x => new { x.review_submission_id, x.round_position, x.position });
                    table.ForeignKey(
                        name: "fk_review_submission_round_responses_review_submission_rounds_review_submission_id_round_position",
                        columns: x => new { x.review_submission_id, x.round_position },
                        principalTable: "review_submission_rounds",
                        principalColumns: new[] { "review_submission_id", "position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_submission_feedback_criteria",
                columns: table => new
                {
                    review_submission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    round_position = table.Column<int>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    rating_count = table.Column<int>(type: "INTEGER", nullable: false),
                    mean = table.Column<double>(type: "REAL", nullable: false),
                    median = table.Column<double>(type: "REAL", nullable: false),
                    minimum = table.Column<int>(type: "INTEGER", nullable: false),
                    maximum = table.Column<int>(type: "INTEGER", nullable: false),
                    standard_deviation = table.Column<double>(type: "REAL", nullable: true),
                    criterion_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_submission_feedback_criteria", x => new { x.review_submission_id, x.round_position, x.position });
                    table.ForeignKey(
                        name: "fk_review_submission_feedback_criteria_review_submission_feedback_review_submission_id_round_position",
                        columns: x => new { x.review_submission_id, x.round_position },
                        principalTable: "review_submission_feedback",
                        principalColumns: new[] { "review_submission_id", "round_position" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_submission_feedback_recommendations",
                columns: table => new
                {
                    review_submission_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    round_position = table.Column<int>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_submission_feedback_recommendations", x => new { x.review_submission_id, x.round_position, x.position });
                    table.ForeignKey(
                        name: "fk_review_submission_feedback_recommendations_review_submission_feedback_review_submission_id_round_position",
                        columns: x => new { x.review_submission_id, x.round_position },
                        principalTable: "review_submission_feedback",
                        principalColumns: new[] { "review_submission_id", "round_position" },
                        onDelete: ReferentialAction.Cascade);
                });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "panel_meeting_reviews");

            migrationBuilder.DropTable(
                name: "panel_review_forms");

            migrationBuilder.DropTable(
                name: "review_submission_feedback");

            migrationBuilder.DropTable(
                name: "panel_meetings");

            migrationBuilder.DropTable(
                name: "panels");

            migrationBuilder.DropTable(
                name: "review_submission_rounds");

            migrationBuilder.DropTable(
                name: "review_submissions");
        }
    }
}
