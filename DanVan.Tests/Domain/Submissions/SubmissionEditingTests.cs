using DanVan.Domain.Auditing;
using DanVan.Domain.Common;
using DanVan.Domain.Submissions;
using static DanVan.Tests.Domain.Submissions.SubmissionFixture;

namespace DanVan.Tests.Domain.Submissions;

public class SubmissionEditingTests
{
    [Fact]
    public void A_new_submission_is_not_started_and_editable()
    {
        var s = Start();
        Assert.Equal(SubmissionStatus.NotStarted, s.Status);
        Assert.True(s.IsEditableByUnit);
        Assert.False(s.WasEverSubmitted);
        Assert.Empty(s.Values);
        Assert.NotEqual(Guid.Empty, s.Version);
    }

    [Fact]
    public void Setting_a_value_returns_an_audit_entry_with_old_and_new()
    {
        var s = Start();
        var first = s.SetValue(Total, 19388, null, "canbo", T0);

        Assert.NotNull(first);
        Assert.Equal(AuditActions.ValueChanged, first.Action);
        Assert.Equal("HS.DD.TONG", first.IndicatorCode);
        Assert.Null(first.OldValue);
        Assert.Equal("19388", first.NewValue);
        Assert.Equal("canbo", first.UserName);
        Assert.Equal(T0, first.At);
        Assert.Equal(PeriodId, first.PeriodId);
        Assert.Equal(CentreUnitId, first.UnitId);
        Assert.Null(first.Reason);

        var second = s.SetValue(Total, 19396, null, "canbo2", T0.AddMinutes(5));
        Assert.NotNull(second);
        Assert.Equal("19388", second.OldValue);
        Assert.Equal("19396", second.NewValue);
        Assert.Equal("canbo2", second.UserName);
    }

    [Fact]
    public void The_first_value_moves_the_submission_to_draft_and_records_who_changed_it()
    {
        var s = Start();
        s.SetValue(Total, 19388, null, "canbo", T0);
        Assert.Equal(SubmissionStatus.Draft, s.Status);
        Assert.Equal("canbo", s.LastChangedBy);
        Assert.Equal(T0, s.LastChangedAt);

        var value = s.ValueOf(Total.Id);
        Assert.NotNull(value);
        Assert.Equal(19388m, value.Number);
        Assert.Equal(PeriodId, value.PeriodId);
        Assert.Equal(CentreUnitId, value.UnitId);
        Assert.Equal("canbo", value.UpdatedBy);
        Assert.Equal(T0, value.UpdatedAt);
        Assert.False(value.IsBlank);
    }

    [Fact]
    public void Setting_an_unchanged_value_records_nothing()
    {
        var s = Start();
        s.SetValue(Total, 19388, null, "canbo", T0);
        var version = s.Version;

        Assert.Null(s.SetValue(Total, 19388, null, "canbo", T0.AddMinutes(1)));
        Assert.Null(s.SetValue(Total, 19388.0m, null, "canbo", T0.AddMinutes(1)));
        Assert.Equal(version, s.Version);
        Assert.Equal(T0, s.LastChangedAt);
    }

    [Fact]
    public void Setting_blank_on_a_figure_never_entered_records_nothing()
    {
        var s = Start();
        Assert.Null(s.SetValue(Total, null, null, "canbo", T0));
        Assert.Empty(s.Values);
        Assert.Equal(SubmissionStatus.NotStarted, s.Status);
    }

    [Fact]
    public void Clearing_a_value_is_recorded_and_leaves_it_blank()
    {
        var s = Start();
        s.SetValue(Total, 19388, null, "canbo", T0);
        var entry = s.SetValue(Total, null, null, "canbo", T0.AddMinutes(1));

        Assert.NotNull(entry);
        Assert.Equal("19388", entry.OldValue);
        Assert.Null(entry.NewValue);
        Assert.True(s.ValueOf(Total.Id)!.IsBlank);
    }

    [Fact]
    public void Values_of_different_indicators_are_kept_apart()
    {
        var s = Filled();
        Assert.Equal(3, s.Values.Count);
        Assert.Equal(4058m, s.ValueOf(CarriedOver.Id)!.Number);
        Assert.Equal(15338m, s.ValueOf(Received.Id)!.Number);
    }

    [Fact]
    public void Audit_text_is_culture_independent()
    {
        var s = Start();
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("vi-VN");
            Assert.Equal("98.6", s.SetValue(Optional, 98.6m, null, "canbo", T0)!.NewValue);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Text_values_are_audited_as_text()
    {
        var s = Start();
        var entry = s.SetValue(Optional, null, "Ghi chú", "canbo", T0);
        Assert.Equal("Ghi chú", entry!.NewValue);
        Assert.Equal("Ghi chú", s.ValueOf(Optional.Id)!.Text);
    }

    [Fact]
    public void Confirming_a_prefilled_value_keeps_the_value_without_an_audit_entry()
    {
        var s = Start();
        var prefill = s.SetValue(CarriedOver, 3424, null, "system", T0, prefilled: true);
        Assert.NotNull(prefill);
        Assert.True(s.ValueOf(CarriedOver.Id)!.IsPrefilled);

        var version = s.Version;
        Assert.Null(s.SetValue(CarriedOver, 3424, null, "canbo", T0.AddMinutes(1)));
        Assert.False(s.ValueOf(CarriedOver.Id)!.IsPrefilled);
        Assert.Equal("canbo", s.ValueOf(CarriedOver.Id)!.UpdatedBy);
        Assert.NotEqual(version, s.Version);
    }

    [Fact]
    public void Setting_another_units_indicator_is_refused()
    {
        var s = Start();
        var ex = Assert.Throws<DomainException>(() => s.SetValue(OtherUnits, 515, null, "canbo", T0));
        Assert.Equal("Chỉ tiêu DON.TONG không thuộc đơn vị này.", ex.Message);
        Assert.Empty(s.Values);
    }

    [Fact]
    public void Setting_a_computed_indicator_is_refused()
    {
        var s = Start();
        Assert.True(Computed.IsComputed);
        var ex = Assert.Throws<DomainException>(() => s.SetValue(Computed, 50003, null, "canbo", T0));
        Assert.Equal("Chỉ tiêu HS.TONG được tính tự động, không nhập.", ex.Message);
    }

    [Fact]
    public void A_computed_indicator_is_never_required() =>
        Assert.False(Computed.IsRequired);

    [Fact]
    public void Narratives_are_trimmed_with_unix_line_breaks_and_audited()
    {
        var s = Start();
        var entry = s.SetNarrative("II.4", "  Dòng 1\r\nDòng 2  ", "canbo", T0);
        Assert.NotNull(entry);
        Assert.Equal(AuditActions.NarrativeChanged, entry.Action);
        Assert.Equal("II.4", entry.IndicatorCode);
        Assert.Null(entry.OldValue);
        Assert.Equal("Dòng 1\nDòng 2", entry.NewValue);
        Assert.Equal("Dòng 1\nDòng 2", Assert.Single(s.Narratives).Text);
        Assert.Equal(SubmissionStatus.Draft, s.Status);

        Assert.Null(s.SetNarrative("II.4", "Dòng 1\nDòng 2", "canbo", T0));
        var update = s.SetNarrative("II.4", "Mới", "canbo", T0);
        Assert.Equal("Dòng 1\nDòng 2", update!.OldValue);
        Assert.Equal("Mới", Assert.Single(s.Narratives).Text);
    }

    [Fact]
    public void An_empty_narrative_for_a_new_section_records_nothing()
    {
        var s = Start();
        Assert.Null(s.SetNarrative("II.4", "   ", "canbo", T0));
        Assert.Null(s.SetNarrative("II.4", null, "canbo", T0));
        Assert.Empty(s.Narratives);
    }

    [Fact]
    public void A_narrative_over_the_limit_is_refused() =>
        Assert.Throws<DomainException>(() =>
            Start().SetNarrative("II.4", new string('a', Submission.MaxNarrativeLength + 1), "canbo", T0));
}
