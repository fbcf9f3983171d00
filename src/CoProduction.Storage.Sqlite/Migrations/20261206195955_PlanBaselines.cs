using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduction.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PlanBaselines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "baselined_phase_ids",
                table: "improvement_projects",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "improvement_project_plan_entries",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "planned_at",
                table: "improvement_project_plan_entries",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "revision_reason",
                table: "improvement_project_plan_entries",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "baselined_phase_ids",
                table: "improvement_projects");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "improvement_project_plan_entries");

            migrationBuilder.DropColumn(
                name: "planned_at",
                table: "improvement_project_plan_entries");

            migrationBuilder.DropColumn(
                name: "revision_reason",
                table: "improvement_project_plan_entries");
        }
    }
}
