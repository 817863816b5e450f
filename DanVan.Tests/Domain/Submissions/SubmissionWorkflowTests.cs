using DanVan.Domain.Auditing;
using DanVan.Domain.Common;
using DanVan.Domain.Rules;
using DanVan.Domain.Submissions;
using static DanVan.Tests.Domain.Submissions.SubmissionFixture;

namespace DanVan.Tests.Domain.Submissions;

public class SubmissionWorkflowTests
{
    private static Dictionary<string, string> Explained(string text = "Số liệu tổng lấy từ phần mềm một cửa, đang rà soát.") =>
        new() { [LandTotalViolation().RuleCode] = text };

    [Fact]
    public void Submit_without_a_required_value_is_refused()
    {
        var s = Start();
        s.SetValue(Total, 19396, null, "canbo", T0);

        var ex = Assert.Throws<DomainException>(() => s.Submit(Required, [], NoExplanations, "canbo", T0));

        Assert.Equal("Còn thiếu 2 chỉ tiêu bắt buộc: HS.DD.KYTRUOC, HS.DD.MOI.", ex.Message);
        Assert.Equal(SubmissionStatus.Draft, s.Status);
        Assert.False(s.WasEverSubmitted);
    }

    [Fact]
    public void A_cleared_required_value_counts_as_missing()
    {
        var s = Filled();
        s.SetValue(Received, null, null, "canbo", T0);
        Assert.Throws<DomainException>(() => s.Submit(Required, [], NoExplanations, "canbo", T0));
    }

    [Fact]
    public void An_optional_blank_value_does_not_block_submit()
    {
        var s = Filled();
        s.Submit([.. Required, Optional], [], NoExplanations, "canbo", T0);
        Assert.Equal(SubmissionStatus.Submitted, s.Status);
    }

    [Fact]
    public void Submit_with_unexplained_violation_is_refused()
    {
        var s = Filled();

        var ex = Assert.Throws<DomainException>(() => s.Submit(Required, [LandTotalViolation()], NoExplanations, "canbo", T0));

        Assert.Equal("Cần giải trình 1 quy tắc chưa thỏa mãn: HS.DD.TONG=KYTRUOC+MOI.", ex.Message);
        Assert.Equal(SubmissionStatus.Draft, s.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_explanation_does_not_explain(string text)
    {
        var s = Filled();
        Assert.Throws<DomainException>(() => s.Submit(Required, [LandTotalViolation()], Explained(text), "canbo", T0));
        Assert.Empty(s.Explanations);
    }

    [Fact]
    public void An_explanation_of_another_rule_does_not_explain()
    {
        var s = Filled();
        var other = new Dictionary<string, string> { ["OTHER"] = "giải trình" };
        Assert.Throws<DomainException>(() => s.Submit(Required, [LandTotalViolation()], other, "canbo", T0));
    }

    [Fact]
    public void A_warning_never_blocks_submit()
    {
        var s = Filled();
        s.Submit(Required, [LandTotalViolation(Severity.Warning)], NoExplanations, "canbo", T0);
        Assert.Equal(SubmissionStatus.Submitted, s.Status);
    }

    [Fact]
    public void Submit_with_an_explained_violation_is_accepted_and_keeps_the_explanation()
    {
        var s = Filled();
        var at = T0.AddHours(2);

        var entry = s.Submit(Required, [LandTotalViolation()], Explained("  Đang rà soát.  "), "canbo", at);

        Assert.Equal(SubmissionStatus.Submitted, s.Status);
        Assert.True(s.WasEverSubmitted);
        Assert.False(s.IsEditableByUnit);
        Assert.Equal(at, s.SubmittedAt);
        Assert.Equal("canbo", s.SubmittedBy);
        var explanation = Assert.Single(s.Explanations);
        Assert.Equal("HS.DD.TONG=KYTRUOC+MOI", explanation.RuleCode);
        Assert.Equal("Đang rà soát.", explanation.Text);
        Assert.Equal(AuditActions.Submitted, entry.Action);
        Assert.Equal(PeriodId, entry.PeriodId);
        Assert.Equal(CentreUnitId, entry.UnitId);
    }

    [Fact]
    public void An_explanation_that_is_too_long_is_refused() =>
        Assert.Throws<DomainException>(() =>
            Filled().Submit(Required, [LandTotalViolation()], Explained(new string('x', Submission.MaxCommentLength + 1)), "canbo", T0));

    [Fact]
    public void After_submit_values_and_narratives_are_read_only()
    {
        var s = Submitted();

        var ex = Assert.Throws<DomainException>(() => s.SetValue(Total, 19396, null, "canbo", T0, reason: "sửa"));
        Assert.Equal("Phiếu đã gửi hoặc đã được tiếp nhận, không thể sửa.", ex.Message);
        Assert.Throws<DomainException>(() => s.SetNarrative("II.4", "x", "canbo", T0));
        Assert.Throws<DomainException>(() => s.Submit(Required, [], NoExplanations, "canbo", T0));
        Assert.Equal(19388m, s.ValueOf(Total.Id)!.Number);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Return_without_a_comment_is_refused(string comment)
    {
        var s = Submitted();
        var ex = Assert.Throws<DomainException>(() => s.Return("chuyenvien", T0, comment));
        Assert.Equal("Cần ghi ý kiến khi trả lại.", ex.Message);
        Assert.Equal(SubmissionStatus.Submitted, s.Status);
    }

    [Fact]
    public void Return_with_a_comment_makes_the_submission_editable_again()
    {
        var s = Submitted();
        var at = T0.AddDays(1);

        var entry = s.Return("chuyenvien", at, "  Đề nghị kiểm tra lại tổng số hồ sơ đất đai.  ");

        Assert.Equal(SubmissionStatus.Returned, s.Status);
        Assert.True(s.IsEditableByUnit);
        Assert.Equal("Đề nghị kiểm tra lại tổng số hồ sơ đất đai.", s.ReturnComment);
        Assert.Equal("chuyenvien", s.ReviewedBy);
        Assert.Equal(at, s.ReviewedAt);
        Assert.Equal(AuditActions.Returned, entry.Action);
        Assert.Equal("Đề nghị kiểm tra lại tổng số hồ sơ đất đai.", entry.Reason);
    }

    [Fact]
    public void A_comment_that_is_too_long_is_refused() =>
        Assert.Throws<DomainException>(() => Submitted().Return("chuyenvien", T0, new string('x', Submission.MaxCommentLength + 1)));

    [Fact]
    public void After_return_a_change_without_a_reason_is_refused()
    {
        var s = Submitted();
        s.Return("chuyenvien", T0, "Kiểm tra lại.");

        Assert.True(s.WasEverSubmitted);
        var ex = Assert.Throws<DomainException>(() => s.SetValue(Total, 19396, null, "canbo", T0));
        Assert.Equal("Phiếu đã từng được gửi: cần ghi lý do khi thay đổi số liệu.", ex.Message);
        Assert.Throws<DomainException>(() => s.SetValue(Total, 19396, null, "canbo", T0, reason: "  "));
        Assert.Equal(19388m, s.ValueOf(Total.Id)!.Number);
    }

    [Fact]
    public void After_return_a_change_with_a_reason_is_recorded_with_it()
    {
        var s = Submitted();
        s.Return("chuyenvien", T0, "Kiểm tra lại.");

        var entry = s.SetValue(Total, 19396, null, "canbo", T0.AddDays(1), reason: "Cộng lại theo sổ theo dõi");

        Assert.NotNull(entry);
        Assert.Equal("19388", entry.OldValue);
        Assert.Equal("19396", entry.NewValue);
        Assert.Equal("Cộng lại theo sổ theo dõi", entry.Reason);
        Assert.Equal(SubmissionStatus.Draft, s.Status);
    }

    [Fact]
    public void Resubmitting_clears_the_return_comment()
    {
        var s = Submitted();
        s.Return("chuyenvien", T0, "Kiểm tra lại.");
        s.SetValue(Total, 19396, null, "canbo", T0, reason: "sửa tổng");
        s.Submit(Required, [], NoExplanations, "canbo", T0.AddDays(2));

        Assert.Equal(SubmissionStatus.Submitted, s.Status);
        Assert.Null(s.ReturnComment);
    }

    [Fact]
    public void Resubmitting_drops_explanations_no_longer_given()
    {
        var s = Filled();
        s.Submit(Required, [LandTotalViolation()], Explained(), "canbo", T0);
        s.Return("chuyenvien", T0, "Sửa tổng.");
        s.SetValue(Total, 19396, null, "canbo", T0, reason: "sửa tổng");
        s.Submit(Required, [], NoExplanations, "canbo", T0);

        Assert.Empty(s.Explanations);
    }

    [Fact]
    public void Accept_is_possible_only_from_submitted()
    {
        Assert.Equal("Chỉ tiếp nhận được phiếu đã gửi.",
            Assert.Throws<DomainException>(() => Start().Accept("chuyenvien", T0)).Message);
        Assert.Throws<DomainException>(() => Filled().Accept("chuyenvien", T0));

        var returned = Submitted();
        returned.Return("chuyenvien", T0, "Kiểm tra lại.");
        Assert.Throws<DomainException>(() => returned.Accept("chuyenvien", T0));

        var accepted = Submitted();
        accepted.Accept("chuyenvien", T0);
        Assert.Throws<DomainException>(() => accepted.Accept("chuyenvien", T0));
    }

    [Fact]
    public void Accepting_a_submitted_submission_records_the_reviewer()
    {
        var s = Submitted();
        var at = T0.AddDays(1);

        var entry = s.Accept("chuyenvien", at);

        Assert.Equal(SubmissionStatus.Accepted, s.Status);
        Assert.False(s.IsEditableByUnit);
        Assert.Equal("chuyenvien", s.ReviewedBy);
        Assert.Equal(at, s.ReviewedAt);
        Assert.Equal(AuditActions.Accepted, entry.Action);
        Assert.Throws<DomainException>(() => s.SetValue(Total, 1, null, "canbo", T0, reason: "x"));
    }

    [Fact]
    public void An_accepted_submission_can_still_be_returned()
    {
        var s = Submitted();
        s.Accept("chuyenvien", T0);
        s.Return("chuyenvien", T0, "Phát hiện sai sót sau khi tiếp nhận.");
        Assert.Equal(SubmissionStatus.Returned, s.Status);
    }

    [Fact]
    public void Only_a_sent_or_accepted_submission_can_be_returned()
    {
        Assert.Equal("Chỉ trả lại được phiếu đã gửi hoặc đã tiếp nhận.",
            Assert.Throws<DomainException>(() => Filled().Return("chuyenvien", T0, "x")).Message);
        Assert.Throws<DomainException>(() => Start().Return("chuyenvien", T0, "x"));
    }

    [Fact]
    public void Version_changes_on_every_change()
    {
        var s = Start();
        var versions = new List<Guid> { s.Version };
        void Changed() => versions.Add(s.Version);

        s.SetValue(Total, 19388, null, "canbo", T0); Changed();
        s.SetValue(CarriedOver, 4058, null, "canbo", T0); Changed();
        s.SetValue(Received, 15338, null, "canbo", T0); Changed();
        s.SetNarrative("II.3", "Nội dung", "canbo", T0); Changed();
        s.Submit(Required, [LandTotalViolation()], Explained(), "canbo", T0); Changed();
        s.Return("chuyenvien", T0, "Kiểm tra lại."); Changed();
        s.SetValue(Total, 19396, null, "canbo", T0, reason: "sửa"); Changed();
        s.Submit(Required, [], NoExplanations, "canbo", T0); Changed();
        s.Accept("chuyenvien", T0); Changed();

        Assert.Equal(versions.Count, versions.Distinct().Count());
    }

    [Fact]
    public void Refused_moves_leave_the_version_unchanged()
    {
        var s = Filled();
        var version = s.Version;
        Assert.Throws<DomainException>(() => s.Submit(Required, [LandTotalViolation()], NoExplanations, "canbo", T0));
        Assert.Throws<DomainException>(() => s.Accept("chuyenvien", T0));
        Assert.Throws<DomainException>(() => s.SetValue(OtherUnits, 1, null, "canbo", T0));
        Assert.Equal(version, s.Version);
    }

    [Theory]
    [InlineData(SubmissionStatus.NotStarted, "Chưa nhập")]
    [InlineData(SubmissionStatus.Draft, "Đang nhập")]
    [InlineData(SubmissionStatus.Submitted, "Đã gửi")]
    [InlineData(SubmissionStatus.Returned, "Bị trả lại")]
    [InlineData(SubmissionStatus.Accepted, "Đã tiếp nhận")]
    public void Each_status_has_a_Vietnamese_name(SubmissionStatus status, string name) =>
        Assert.Equal(name, status.Vietnamese());
}
