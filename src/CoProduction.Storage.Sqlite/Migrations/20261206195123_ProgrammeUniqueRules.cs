using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduction.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProgrammeUniqueRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_patient_trainer_pathways_organisation_id_participant_id",
                table: "patient_trainer_pathways");

            migrationBuilder.CreateIndex(
                name: "ix_patient_trainer_pathways_organisation_id_participant_id",
                table: "patient_trainer_pathways",
                columns: new[] { "organisation_id", "participant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cohort_evaluations_organisation_id_cohort_id_questionnaire_id",
                table: "cohort_evaluations",
                columns: new[] { "organisation_id", "cohort_id", "questionnaire_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_patient_trainer_pathways_organisation_id_participant_id",
                table: "patient_trainer_pathways");

            migrationBuilder.DropIndex(
                name: "ix_cohort_evaluations_organisation_id_cohort_id_questionnaire_id",
                table: "cohort_evaluations");

            migrationBuilder.CreateIndex(
                name: "ix_patient_trainer_pathways_organisation_id_participant_id",
                table: "patient_trainer_pathways",
                columns: new[] { "organisation_id", "participant_id" });
        }
    }
}
