using System.Text;
using DanVan.Domain.Signing;

namespace DanVan.Tests.Domain.Signing;

public class SignedPdfParserTests
{
    private static readonly byte[] HandedOut = CraftedPdf.Base();

    private static void AssertRefused(SignedPdfParse parse, string check)
    {
        Assert.False(parse.Ok);
        Assert.Equal(check, parse.Failure!.FailedCheck);
        Assert.False(string.IsNullOrWhiteSpace(parse.Failure.FailureMessage));
    }

    [Fact]
    public void Finds_the_newest_signatures_contents_and_cuts_the_cms_to_its_der_length()
    {
        var signed = CraftedPdf.Signed(HandedOut);

        var parse = SignedPdfParser.Parse(HandedOut, signed);

        Assert.True(parse.Ok, parse.Failure?.FailureMessage);
        var layout = parse.Layout!;
        Assert.Equal(CraftedPdf.Der, layout.SignatureDer);
        Assert.Equal((byte)'<', signed[layout.ContentsStart]);
        Assert.Equal((byte)'>', signed[layout.ContentsEnd - 1]);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.FromHours(7)), layout.DictionaryTime);
    }

    [Fact]
    public void The_signed_bytes_are_the_whole_file_without_the_contents_string()
    {
        var signed = CraftedPdf.Signed(HandedOut);
        var layout = SignedPdfParser.Parse(HandedOut, signed).Layout!;

        var covered = Encoding.Latin1.GetString(layout.SignedBytes(signed));

        Assert.Equal(signed.Length - (layout.ContentsEnd - layout.ContentsStart), covered.Length);
        Assert.StartsWith(Encoding.Latin1.GetString(HandedOut), covered);
        Assert.Contains("/Contents  >>", covered);
        Assert.EndsWith("%%EOF\n", covered);
    }

    [Theory]
    [InlineData("PK\u0003\u0004 a zip file")]
    [InlineData("%PDF-1.7\n1 0 obj << >> endobj\n")]
    [InlineData("")]
    public void A_file_without_a_pdf_header_and_final_eof_is_not_a_pdf(string text)
    {
        AssertRefused(SignedPdfParser.Parse(HandedOut, CraftedPdf.Ascii(text)), SignatureCheck.Pdf);
    }

    [Fact]
    public void A_byte_changed_in_the_handed_out_part_is_not_the_handed_out_file()
    {
        var signed = CraftedPdf.Signed(HandedOut);
        signed[20] = (byte)'X';

        AssertRefused(SignedPdfParser.Parse(HandedOut, signed), SignatureCheck.Prefix);
    }

    [Fact]
    public void Another_or_shorter_pdf_is_not_the_handed_out_file()
    {
        var other = CraftedPdf.Ascii(Encoding.ASCII.GetString(HandedOut).Replace("/Catalog", "/Catalon"));

        AssertRefused(SignedPdfParser.Parse(HandedOut, CraftedPdf.Signed(other)), SignatureCheck.Prefix);
        AssertRefused(SignedPdfParser.Parse(CraftedPdf.Signed(HandedOut), HandedOut), SignatureCheck.Prefix);
    }

    [Fact]
    public void The_handed_out_file_itself_has_no_signature()
    {
        AssertRefused(SignedPdfParser.Parse(HandedOut, HandedOut), SignatureCheck.SignaturePresent);
    }

    [Fact]
    public void A_second_update_after_the_signature_is_not_one_incremental_update()
    {
        var signed = CraftedPdf.Signed(HandedOut, extraUpdate: "3 0 obj\n(edited)\nendobj\nstartxref\n45\n%%EOF\n");

        AssertRefused(SignedPdfParser.Parse(HandedOut, signed), SignatureCheck.Incremental);
    }

    [Fact]
    public void An_update_whose_startxref_points_back_into_the_handed_out_part_is_refused()
    {
        AssertRefused(SignedPdfParser.Parse(HandedOut, CraftedPdf.Signed(HandedOut, startxref: 45)), SignatureCheck.Incremental);
    }

    [Fact]
    public void An_update_without_a_signature_dictionary_has_no_signature()
    {
        var update = Encoding.ASCII.GetString(HandedOut) + "2 0 obj\n<< /Type /Annot >>\nendobj\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 3 /Prev 45 >>\nstartxref\n";
        var offset = update.IndexOf("xref\n0 1", StringComparison.Ordinal);

        AssertRefused(SignedPdfParser.Parse(HandedOut, CraftedPdf.Ascii(update + offset + "\n%%EOF\n")), SignatureCheck.SignaturePresent);
    }

    public static TheoryData<string> BadRanges => ["bytes after the range", "range not from zero", "gap shifted", "gap before the update"];

    [Theory]
    [MemberData(nameof(BadRanges))]
    public void A_byte_range_that_leaves_more_than_the_contents_unsigned_is_refused(string how)
    {
        Func<long[], long[]> change = how switch
        {
            "bytes after the range" => r => [r[0], r[1], r[2], r[3] - 10],
            "range not from zero" => r => [1, r[1] - 1, r[2], r[3]],
            "gap shifted" => r => [r[0], r[1] + 1, r[2] + 1, r[3] - 1],
            _ => r => [r[0], 10, r[2], r[3]],
        };

        AssertRefused(SignedPdfParser.Parse(HandedOut, CraftedPdf.Signed(HandedOut, range: change)), SignatureCheck.ByteRange);
    }

    [Fact]
    public void Bytes_appended_after_the_signed_update_are_not_covered_by_the_byte_range()
    {
        byte[] appended = [.. CraftedPdf.Signed(HandedOut), .. "garbage"u8.ToArray()];

        AssertRefused(SignedPdfParser.Parse(HandedOut, appended), SignatureCheck.ByteRange);
    }

    [Theory]
    [InlineData("ZZ")]
    [InlineData("0000000000")]
    [InlineData("3005020107")]
    [InlineData("300302010700000001")]
    public void Contents_that_are_not_hex_a_complete_der_sequence_and_zero_padding_are_unreadable(string contents)
    {
        AssertRefused(SignedPdfParser.Parse(HandedOut, CraftedPdf.Signed(HandedOut, contents: contents)), SignatureCheck.Cms);
    }
}
