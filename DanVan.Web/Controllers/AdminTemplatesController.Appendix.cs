using DanVan.Web.Infrastructure.ServiceResults;
using DanVan.Data.Templates;
using DanVan.Web.Infrastructure;
using DanVan.Web.Models.Admin.Templates;
using DanVan.Web.Services.Admin.Templates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Web.Controllers;

/// <summary>The template editor's Phụ lục tab.</summary>
public sealed partial class AdminTemplatesController
{
    // ---- appendix ------------------------------------------------------------------------------------------------------------

    [HttpGet("{id:int}/appendix")]
    public Task<IActionResult> Appendix(int id, CancellationToken ct) => PageAsync(id, "appendix", "Appendix", new AppendixForm { Level = 1 }, ct);

    [HttpPost("{id:int}/appendix")]
    public async Task<IActionResult> AddAppendixRow(int id, AppendixForm form, CancellationToken ct) =>
        await AfterAsync(id, "appendix", await templates.AddAppendixRowAsync(id, form, ct), $"/admin/templates/{id}/appendix", "Appendix", form, ct);

    [HttpPost("{id:int}/appendix/{rowId:int}")]
    public async Task<IActionResult> UpdateAppendixRow(int id, int rowId, AppendixForm form, CancellationToken ct)
    {
        ViewData["EditingRow"] = rowId;
        return await AfterAsync(id, "appendix", await templates.UpdateAppendixRowAsync(id, rowId, form, ct), $"/admin/templates/{id}/appendix#r-{rowId}", "Appendix", form, ct);
    }

    [HttpPost("{id:int}/appendix/{rowId:int}/move")]
    public async Task<IActionResult> MoveAppendixRow(int id, int rowId, MoveForm form, CancellationToken ct) =>
        await AfterAsync(id, "appendix", await templates.MoveAppendixRowAsync(id, rowId, form, ct), $"/admin/templates/{id}/appendix#r-{rowId}", "Appendix", new AppendixForm { Level = 1 }, ct);

    [HttpPost("{id:int}/appendix/{rowId:int}/delete")]
    public async Task<IActionResult> DeleteAppendixRow(int id, int rowId, [FromForm] string? stamp, CancellationToken ct) =>
        await AfterAsync(id, "appendix", await templates.DeleteAppendixRowAsync(id, rowId, stamp, ct), $"/admin/templates/{id}/appendix", "Appendix", new AppendixForm { Level = 1 }, ct);
}
