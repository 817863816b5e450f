using System.Text;
using DanVan.Domain.Signing;

namespace DanVan.Tests.Domain.Signing;

public class SignerNameTests
{
    [Fact]
    public void Names_match_across_unicode_forms_case_and_surrounding_space()
    {
        var decomposed = "Phạm Xuân Duệ".Normalize(NormalizationForm.FormD);

        Assert.True(SignerName.Matches(decomposed, "Phạm Xuân Duệ"));
        Assert.True(SignerName.Matches("  PHẠM XUÂN DUỆ ", "phạm xuân duệ"));
        Assert.True(SignerName.Matches("Văn phòng  UBND tỉnh Quảng Ngãi", "VĂN PHÒNG UBND TỈNH QUẢNG NGÃI"));
        Assert.True(SignerName.Matches("Đặng Văn Đông", "đặng văn đông"));
    }

    [Theory]
    [InlineData("Phạm Xuân Due", "Phạm Xuân Duệ")]
    [InlineData("Phạm Xuân Duệ", "Phạm Xuân")]
    [InlineData("Pham Xuan Due", "Phạm Xuân Duệ")]
    [InlineData("", "")]
    [InlineData("Phạm Xuân Duệ", "")]
    public void Other_names_and_missing_names_never_match(string commonName, string expected)
    {
        Assert.False(SignerName.Matches(commonName, expected));
    }
}
