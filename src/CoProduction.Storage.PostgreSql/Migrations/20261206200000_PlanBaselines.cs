using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoProduction.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PlanBaselines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "baselined_phase_ids",
                table: "improvement_projects",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "improvement_project_plan_entries",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "planned_at",
                table: "improvement_project_plan_entries",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "revision_reason",
                table: "improvement_project_plan_entries",
                type: "text",
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
