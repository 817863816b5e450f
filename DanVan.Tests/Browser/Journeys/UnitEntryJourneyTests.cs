using DanVan.Tests.Browser.Pages;
using DanVan.Tests.Browser.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static DanVan.Tests.Browser.Journeys.TtpvhccFigures;
using static Microsoft.Playwright.Assertions;

namespace DanVan.Tests.Browser.Journeys;

/// <summary>Journeys 1 and 2 of issue #8: the unit enters and submits 2021-Y; the compiler returns it and accepts it.</summary>
public sealed class UnitEntryJourneyTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [BrowserFact]
    public async Task Unit_staff_types_Vietnamese_figures_explains_the_mismatch_and_submits()
    {
        await Page.OpenSignInAsync();
        await StepAsync("Trang đăng nhập");
        await Page.SignInAsync(Session.UnitStaff);
        var home = new HomePage(Page);
        await Expect(home.UnitPeriods).ToContainTextAsync("Chưa nhập");
        await StepAsync("Trang chủ của đơn vị");

        await Page.GetByRole(AriaRole.Link, new() { Name = "năm 2021", Exact = true }).ClickAsync();
        var form = new EntryFormPage(Page);
        await Expect(form.Status).ToHaveTextAsync("Chưa nhập");
        await Expect(form.Figure("HS.SO.KYTRUOC")).ToHaveValueAsync(CarriedOver["HS.SO.KYTRUOC"]);
        await StepAsync("Phiếu năm 2021 chưa nhập");

        await form.TypeFiguresAsync(Typed);
        await form.Figure("HS.SO.MOI").FocusAsync();
        // Rates are computed on the page as the figures are typed, in Vietnamese format.
        await Expect(form.Figure("HS.SO.TYLE.DUNGHAN")).ToHaveTextAsync("98,6%");
        await Expect(form.Figure("HS.DD.TYLE.DUNGHAN")).ToHaveTextAsync("76,1%");
        await StepAsync("Đã gõ số liệu kiểu Việt Nam", form.Figure("HS.SO.MOI"));

        await form.SaveAsync();
        await Expect(form.Status).ToHaveTextAsync("Đang nhập");
        await Expect(form.Figure("HS.SO.MOI")).ToHaveValueAsync("28.262");
        await Expect(form.Violation(LandTotalRule)).ToContainTextAsync(LandTotalMessage);
        await Expect(form.Violations.Locator("[data-rule]")).ToHaveCountAsync(1);
        await StepAsync("Lưu nháp: báo lệch tổng kèm các số", form.Violations, axe: true);

        // The refusal comes back as 409 with the form, which Chromium notes in the console.
        AllowConsoleError("status of 409");
        await form.SubmitButton.ClickAsync();
        await Expect(Page.Locator(".alert-danger")).ToContainTextAsync("Cần giải trình");
        await StepAsync("Gửi khi chưa giải trình bị từ chối", Page.Locator(".alert-danger").First);

        await form.Explanation(LandTotalRule).FillAsync(Explanation);
        await StepAsync("Viết giải trình", form.Explanation(LandTotalRule));
        await form.SubmitAsync();
        await Expect(form.Status).ToHaveTextAsync("Đã gửi");
        await form.ExpectReadOnlyAsync();
        await Expect(form.Figure("HS.SO.MOI")).ToHaveValueAsync("28.262");
        await Expect(form.Explanation(LandTotalRule)).ToHaveValueAsync(Explanation);
        await StepAsync("Đã gửi: phiếu chỉ đọc", axe: true);
        await StepAsync("Đã gửi: giải trình được giữ", form.Explanation(LandTotalRule));
    }

    [BrowserFact]
    public async Task Compiler_returns_the_form_the_unit_fixes_and_resubmits_and_the_compiler_accepts()
    {
        var unit = Page;
        await unit.SignInAsync(Session.UnitStaff);
        var form = await EntryFormPage.OpenAsync(unit, "2021-Y", "TTPVHCC");
        await form.TypeFiguresAsync(Typed);
        await form.SaveAsync();
        await form.Explanation(LandTotalRule).FillAsync(Explanation);
        await form.SubmitAsync();
        await StepAsync("Đơn vị đã gửi phiếu");

        var compiler = await NewPageAsync();
        await compiler.SignInAsync(Session.Compiler);
        var compilerHome = new HomePage(compiler);
        await Expect(compilerHome.CompletenessRow("2021-Y")).ToBeVisibleAsync();
        await StepAsync("Trang chủ chuyên viên tổng hợp", page: compiler);
        await compilerHome.CompletenessRow("2021-Y").GetByRole(AriaRole.Link, new() { Name = "năm 2021", Exact = true }).ClickAsync();
        var board = new ReviewBoardPage(compiler);
        await Expect(board.Row("TTPVHCC")).ToContainTextAsync("Đã gửi");
        await StepAsync("Bảng theo dõi: đơn vị đã gửi", page: compiler);

        await board.Row("TTPVHCC").GetByRole(AriaRole.Link, new() { Name = "Mở phiếu" }).ClickAsync();
        var review = new EntryFormPage(compiler);
        await Expect(review.Status).ToHaveTextAsync("Đã gửi");
        await StepAsync("Chuyên viên xem phiếu", review.ReturnCommentBox, page: compiler, axe: true);
        const string comment = "Đề nghị kiểm tra lại số hồ sơ đất đai tiếp nhận mới (15.338).";
        await review.ReturnAsync(comment);
        await Expect(review.Status).ToHaveTextAsync("Bị trả lại");
        await StepAsync("Đã trả lại phiếu", page: compiler);

        await unit.GotoAsync("/");
        await Expect(new HomePage(unit).UnitPeriods).ToContainTextAsync("Bị trả lại");
        await StepAsync("Đơn vị thấy phiếu bị trả lại");
        await unit.GetByRole(AriaRole.Link, new() { Name = "năm 2021", Exact = true }).ClickAsync();
        await Expect(form.ReturnComment).ToContainTextAsync(comment);
        await StepAsync("Đơn vị đọc ý kiến của chuyên viên", form.ReturnComment, axe: true);

        await form.Figure("HS.DD.MOI").FillAsync("15.330");
        await form.Reason.FillAsync("Rà soát phần mềm một cửa: 08 hồ sơ bị nhập trùng.");
        await StepAsync("Sửa số và ghi lý do", form.Reason);
        await form.SubmitAsync();
        await Expect(form.Status).ToHaveTextAsync("Đã gửi");
        await Expect(form.Violations).ToContainTextAsync("không vi phạm quy tắc kiểm tra nào");
        await Expect(form.Figure("HS.DD.MOI")).ToHaveValueAsync("15.330");
        await StepAsync("Đơn vị gửi lại", form.Violations);

        await compiler.GotoAsync("/review/2021-Y");
        await Expect(board.Row("TTPVHCC")).ToContainTextAsync("Đã gửi");
        await board.Row("TTPVHCC").GetByRole(AriaRole.Link, new() { Name = "Mở phiếu" }).ClickAsync();
        await review.AcceptAsync();
        await Expect(review.Status).ToHaveTextAsync("Đã tiếp nhận");
        await StepAsync("Chuyên viên tiếp nhận", page: compiler);

        await compiler.GotoAsync("/review/2021-Y");
        await Expect(board.Row("TTPVHCC")).ToContainTextAsync("Đã tiếp nhận");
        await Expect(board.Row("TTPVHCC")).ToContainTextAsync(Session.Compiler);
        await StepAsync("Bảng theo dõi: đã tiếp nhận", page: compiler);
        await compiler.GotoAsync("/");
        await Expect(compilerHome.CompletenessRow("2021-Y").Locator("td[data-status='accepted']")).ToHaveTextAsync("1/4");
        await StepAsync("Trang chủ: 1/4 đơn vị đã tiếp nhận", page: compiler);
    }
}
