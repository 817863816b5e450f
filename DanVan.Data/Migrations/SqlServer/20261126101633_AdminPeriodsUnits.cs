using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AdminPeriodsUnits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Units",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<bool>(
                name: "IsLocked",
                table: "Submissions",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Periods",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "PeriodParticipants",
                columns: table => new
                {
                    PeriodId = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeriodParticipants", x => new { x.PeriodId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_PeriodParticipants_Periods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "Periods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PeriodParticipants_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PeriodParticipants_UnitId",
                table: "PeriodParticipants",
                column: "UnitId");

            // Existing periods: the units that have a submission in them, and the active units with something to send
            // in the period's template (the rule new periods are created with, see Participation).
            migrationBuilder.Sql("""
                INSERT INTO "PeriodParticipants" ("PeriodId", "UnitId")
                SELECT p."Id", u."Id"
                FROM "Periods" AS p CROSS JOIN "Units" AS u
                WHERE u."IsAgency" = 0 AND (
                    EXISTS (SELECT 1 FROM "Submissions" AS s WHERE s."PeriodId" = p."Id" AND s."UnitId" = u."Id")
                    OR (u."IsRetired" = 0 AND (
                        EXISTS (SELECT 1 FROM "Indicators" AS i WHERE i."TemplateId" = p."TemplateId" AND i."UnitId" = u."Id" AND i."IsRetired" = 0)
                        OR EXISTS (SELECT 1 FROM "OutlineSections" AS o WHERE o."TemplateId" = p."TemplateId" AND o."WriterUnitId" = u."Id"))))
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PeriodParticipants");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "IsLocked",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Periods");
        }
    }
}
