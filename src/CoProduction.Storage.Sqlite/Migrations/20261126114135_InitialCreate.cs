using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduction.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "involvement_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    duration = table.Column<TimeSpan>(type: "TEXT", nullable: false),
                    role_level = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    cancelled_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    source_area = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    source_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_involvement_activities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    aggregate_type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    aggregate_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    aggregate_version = table.Column<long>(type: "INTEGER", nullable: false),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    dispatched_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "participants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    full_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    preferred_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    registered_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    erased_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    diversity_answers = table.Column<string>(type: "TEXT", nullable: true),
                    roles = table.Column<string>(type: "TEXT", nullable: false),
                    contact_email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    contact_phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    contact_postal_address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    contact_preferred_method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    payment_preference_method = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    payment_preference_notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_participants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payment_claims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    currency_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    decided_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    rejection_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    paid_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    payment_reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    organisation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_claims", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "participant_accessibility_needs",
                columns: table => new
                {
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    reasonable_adjustment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    need = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
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
                    participant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    given_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
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
                name: "payment_claim_expenses",
                columns: table => new
                {
                    payment_claim_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    receipt_provided = table.Column<bool>(type: "INTEGER", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
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
                    payment_claim_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    activity_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    role_level = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    hours = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    basis = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
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
                name: "ix_outbox_messages_aggregate_id",
                table: "outbox_messages",
                column: "aggregate_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_organisation_id_dispatched_at",
                table: "outbox_messages",
                columns: new[] { "organisation_id", "dispatched_at" });

            migrationBuilder.CreateIndex(
                name: "ix_participants_organisation_id",
                table: "participants",
                column: "organisation_id");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "involvement_activities");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "participant_accessibility_needs");

            migrationBuilder.DropTable(
                name: "participant_consents");

            migrationBuilder.DropTable(
                name: "payment_claim_expenses");

            migrationBuilder.DropTable(
                name: "payment_claim_lines");

            migrationBuilder.DropTable(
                name: "participants");

            migrationBuilder.DropTable(
                name: "payment_claims");
        }
    }
}
