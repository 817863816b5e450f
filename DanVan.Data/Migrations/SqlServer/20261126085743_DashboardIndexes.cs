using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DanVan.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Values_IndicatorId_PeriodId",
                table: "Values");

            migrationBuilder.CreateIndex(
                name: "IX_Values_IndicatorId_PeriodId_Number",
                table: "Values",
                columns: new[] { "IndicatorId", "PeriodId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_PeriodId_Status_SubmittedAt",
                table: "Submissions",
                columns: new[] { "PeriodId", "Status", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Values_IndicatorId_PeriodId_Number",
                table: "Values");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_PeriodId_Status_SubmittedAt",
                table: "Submissions");

            migrationBuilder.CreateIndex(
                name: "IX_Values_IndicatorId_PeriodId",
                table: "Values",
                columns: new[] { "IndicatorId", "PeriodId" });
        }
    }
}
