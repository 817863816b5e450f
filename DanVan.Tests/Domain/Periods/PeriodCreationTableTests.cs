using System.Globalization;
using DanVan.Domain.Periods;

namespace DanVan.Tests.Domain.Periods;

/// <summary>
/// Every kind an admin can create, for one year, with every derived date written out by hand from Nghị định 09/2019
/// Điều 12 (cut-off) and decision 0005 (default deadlines: cut-off end + 2 and + 6 days).
/// </summary>
public class PeriodCreationTableTests
{
    public static TheoryData<string, string, string, string, string, string> Every_kind_of_2022 => new()
    {
        // kind, name, cut-off from, cut-off to, unit deadline, send deadline
        { "H1", "6 tháng đầu năm 2022", "15/12/2021", "14/06/2022", "16/06/2022", "20/06/2022" },
        { "9M", "9 tháng năm 2022", "15/12/2021", "14/09/2022", "16/09/2022", "20/09/2022" },
        { "Y", "năm 2022", "15/12/2021", "14/12/2022", "16/12/2022", "20/12/2022" },
        { "Q1", "quý I năm 2022", "15/12/2021", "14/03/2022", "16/03/2022", "20/03/2022" },
        { "Q2", "quý II năm 2022", "15/03/2022", "14/06/2022", "16/06/2022", "20/06/2022" },
        { "Q3", "quý III năm 2022", "15/06/2022", "14/09/2022", "16/09/2022", "20/09/2022" },
        { "Q4", "quý IV năm 2022", "15/09/2022", "14/12/2022", "16/12/2022", "20/12/2022" },
        { "M01", "tháng 01 năm 2022", "15/12/2021", "14/01/2022", "16/01/2022", "20/01/2022" },
        { "M02", "tháng 02 năm 2022", "15/01/2022", "14/02/2022", "16/02/2022", "20/02/2022" },
        { "M03", "tháng 3 năm 2022", "15/02/2022", "14/03/2022", "16/03/2022", "20/03/2022" },
        { "M04", "tháng 4 năm 2022", "15/03/2022", "14/04/2022", "16/04/2022", "20/04/2022" },
        { "M05", "tháng 5 năm 2022", "15/04/2022", "14/05/2022", "16/05/2022", "20/05/2022" },
        { "M06", "tháng 6 năm 2022", "15/05/2022", "14/06/2022", "16/06/2022", "20/06/2022" },
        { "M07", "tháng 7 năm 2022", "15/06/2022", "14/07/2022", "16/07/2022", "20/07/2022" },
        { "M08", "tháng 8 năm 2022", "15/07/2022", "14/08/2022", "16/08/2022", "20/08/2022" },
        { "M09", "tháng 9 năm 2022", "15/08/2022", "14/09/2022", "16/09/2022", "20/09/2022" },
        { "M10", "tháng 10 năm 2022", "15/09/2022", "14/10/2022", "16/10/2022", "20/10/2022" },
        { "M11", "tháng 11 năm 2022", "15/10/2022", "14/11/2022", "16/11/2022", "20/11/2022" },
        { "M12", "tháng 12 năm 2022", "15/11/2022", "14/12/2022", "16/12/2022", "20/12/2022" },
    };

    [Fact]
    public void The_table_covers_every_kind_an_admin_can_choose() =>
        Assert.Equal(((IEnumerable<object[]>)PeriodCodeTests.AllKindsOfCodes()).Select(row => ((string)row[0])[5..]).Order(),
            ((IEnumerable<object[]>)Every_kind_of_2022).Select(row => (string)row[0]).Order());

    [Theory]
    [MemberData(nameof(Every_kind_of_2022))]
    public void A_period_made_from_a_kind_and_a_year_gets_these_dates(
        string kind, string name, string from, string to, string unitDeadline, string sendDeadline)
    {
        var period = ReportingPeriod.Create(PeriodCode.FromKindToken(kind, 2022), templateId: 1);

        Assert.Equal($"2022-{kind}", period.Code);
        Assert.Equal(name, period.Name);
        Assert.Equal(Date(from), period.CutoffFrom);
        Assert.Equal(Date(to), period.CutoffTo);
        Assert.Equal(Date(unitDeadline), period.UnitDeadline);
        Assert.Equal(Date(sendDeadline), period.SendDeadline);
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture);
}
