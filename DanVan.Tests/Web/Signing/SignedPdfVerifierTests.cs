using System.Security.Cryptography.X509Certificates;
using DanVan.Domain.Reports.Document;
using DanVan.Domain.Signing;
using DanVan.Tests.Reports;
using DanVan.Tests.Support;
using DanVan.Tests.Support.Signing;

namespace DanVan.Tests.Web.Signing;

/// <summary>The model report signed by an independent signer (poppler's pdfsig over NSS), verified by the portal.</summary>
public class SignedPdfVerifierTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly ExpectedSigner Leader = new(SigningStep.Leader, TestPki.LeaderName);
    private static readonly ExpectedSigner Agency = new(SigningStep.Agency, TestPki.AgencySubject);

    private static SignatureVerification Verify(byte[] handedOut, byte[] uploaded, ExpectedSigner expected) =>
        TestVerifier.Create().Verify(handedOut, uploaded, expected, Now);

    private static void AssertRefused(SignatureVerification result, string check, string message)
    {
        Assert.False(result.Ok);
        Assert.Null(result.Signature);
        Assert.Equal(check, result.FailedCheck);
        Assert.Contains(message, result.FailureMessage);
    }

    [ToolFact(TestPki.Tools, "poppler-utils libnss3-tools")]
    public void The_leaders_pdfsig_signature_on_the_model_report_is_accepted_with_its_certificate()
    {
        var result = Verify(SignedReports.HandedOut, SignedReports.LeaderSigned, Leader);

        Assert.True(result.Ok, result.FailureMessage);
        var signature = result.Signature!;
        Assert.Equal(SigningStep.Leader, signature.Step);
        Assert.Equal("Phạm Xuân Duệ", signature.SignerCommonName);
        Assert.Equal("Văn phòng UBND tỉnh Quảng Ngãi", signature.Organisation);
        Assert.Contains("DanVan Test Root CA", signature.Issuer);
        Assert.Equal(TestPki.Shared.Leader.SerialNumber, signature.Serial);
        Assert.NotNull(signature.SignedAt);
        Assert.InRange(signature.SignedAt!.Value, Now.AddMinutes(-30), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.True(signature.Valid);
        Assert.True(signature.Trusted);
    }

    [ToolFact(TestPki.Tools, "poppler-utils libnss3-tools")]
    public void The_agencys_signature_on_top_of_the_leaders_is_accepted_for_the_agency_step()
    {
        var result = Verify(SignedReports.LeaderSigned, SignedReports.AgencySigned, Agency);

        Assert.True(result.Ok, result.FailureMessage);
        Assert.Equal(TestPki.AgencySubject, result.Signature!.SignerCommonName);
        Assert.Equal(SigningStep.Agency, result.Signature.Step);
        var pdfsig = TestPki.Shared.Inspect(SignedReports.AgencySigned);
        Assert.True(pdfsig.Contains("Signature #2") && !pdfsig.Contains("Signature #3"), pdfsig);
        Assert.True(pdfsig.Split("Signature Validation: Signature is Valid.").Length - 1 == 2, pdfsig);
        var last = pdfsig[pdfsig.IndexOf("Signature #2", StringComparison.Ordinal)..];
        Assert.True(last.Contains("Signer Certificate Common Name: " + TestPki.AgencySubject) && last.Contains("Total document signed"), pdfsig);
    }

    [ToolFact(TestPki.Tools, "poppler-utils libnss3-tools")]
    public void One_byte_changed_in_the_signed_update_after_signing_is_refused_as_modified()
    {
        var tampered = (byte[])SignedReports.LeaderSigned.Clone();
        var at = ByteIn(tampered, "/Type /Sig", from: SignedReports.HandedOut.Length);
        tampered[at + 1] = (byte)'t';

        AssertRefused(Verify(SignedReports.HandedOut, tampered, Leader), SignatureCheck.Integrity, "Tệp đã bị sửa sau khi ký");
    }

    [ToolFact(TestPki.Tools, "poppler-utils libnss3-tools")]
    public void One_byte_changed_in_the_approved_part_after_signing_is_refused_as_not_the_handed_out_file()
    {
        var tampered = (byte[])SignedReports.LeaderSigned.Clone();
        tampered[SignedReports.HandedOut.Length / 2] ^= 0x01;

        AssertRefused(Verify(SignedReports.HandedOut, tampered, Leader), SignatureCheck.Prefix, "Tệp không bắt đầu bằng đúng tệp đã giao để ký");
    }

    [ToolFact(TestPki.Tools, "poppler-utils libnss3-tools")]
    public void Another_document_signed_by_the_right_person_is_refused()
    {
        var inputs = SeedReport.Inputs with { Metadata = SeedReport.Inputs.Metadata with { Number = "877/BC-VP" } };
        var another = SeedReport.Renderer.Pdf(DocumentBuilder.Build(inputs));

        AssertRefused(Verify(SignedReports.HandedOut, TestPki.Shared.SignWithPdfsig(another, TestPki.LeaderNick), Leader),
            SignatureCheck.Prefix, "Tệp không bắt đầu bằng đúng tệp đã giao để ký");
    }

    [ToolFact(TestPki.Tools, "poppler-utils libnss3-tools")]
    public void Two_updates_after_the_handed_out_file_are_refused_as_not_one_incremental_signature()
    {
        AssertRefused(Verify(SignedReports.HandedOut, SignedReports.AgencySigned, Leader),
            SignatureCheck.Incremental, "không phải đúng một lần ký bổ sung");
    }

    [ToolFact(TestPki.Tools, "poppler-utils libnss3-tools")]
    public void A_signed_file_resaved_by_another_tool_is_refused()
    {
        var work = Path.Combine(TestPki.Shared.Folder, "resave-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        File.WriteAllBytes(Path.Combine(work, "in.pdf"), SignedReports.LeaderSigned);
        var (code, output) = ExternalTool.Run("qpdf", TimeSpan.FromSeconds(60), Path.Combine(work, "in.pdf"), Path.Combine(work, "out.pdf"));
        Assert.True(code is 0 or 3, output);
        var resaved = File.ReadAllBytes(Path.Combine(work, "out.pdf"));

        AssertRefused(Verify(SignedReports.HandedOut, resaved, Leader), SignatureCheck.Prefix, "Tệp không bắt đầu bằng đúng tệp đã giao để ký");
    }

    [ToolFact(TestPki.Tools, "poppler-utils libnss3-tools")]
    public void A_certificate_from_an_untrusted_ca_is_refused()
    {
        AssertRefused(Verify(SignedReports.HandedOut, SignedReports.SignedBy(TestPki.OutsiderNick), Leader),
            SignatureCheck.Trust, "Chứng thư số không do tổ chức được tin cậy cấp");
    }

    [ToolFact(TestPki.Tools, "poppler-utils libnss3-tools")]
    public void An_expired_certificate_is_refused()
    {
        var expired = TestPki.ResignWith(SignedReports.LeaderSigned, TestPki.Shared.Expired);

        AssertRefused(Verify(SignedReports.HandedOut, expired, Leader),
            SignatureCheck.Expired, "Chứng thư số đã hết hạn");
    }

    [ToolFact(TestPki.Tools, "poppler-utils libnss3-tools")]
    public void A_strangers_certificate_for_the_leader_step_is_refused_naming_both()
    {
        AssertRefused(Verify(SignedReports.HandedOut, SignedReports.SignedBy(TestPki.StrangerNick), Leader),
            SignatureCheck.Signer, "Người ký không đúng: chứng thư số của «Nguyễn Văn Khác», báo cáo cần chữ ký của «Phạm Xuân Duệ»");
    }

    [ToolFact(TestPki.Tools, "poppler-utils libnss3-tools")]
    public void A_persons_certificate_for_the_agency_step_is_refused()
    {
        var leaderOnTop = TestPki.Shared.SignWithPdfsig(SignedReports.LeaderSigned, TestPki.LeaderNick);

        AssertRefused(Verify(SignedReports.LeaderSigned, leaderOnTop, Agency),
            SignatureCheck.Signer, "Người ký không đúng: chứng thư số của «Phạm Xuân Duệ», bước ban hành cần chữ ký số của cơ quan «Văn phòng UBND tỉnh Quảng Ngãi»");
    }

    [ToolFact(TestPki.Tools, "poppler-utils libnss3-tools")]
    public void Bytes_appended_after_signing_are_refused_as_not_covered_by_the_signature()
    {
        byte[] appended = [.. SignedReports.LeaderSigned, .. "\n% added later\n"u8.ToArray()];

        AssertRefused(Verify(SignedReports.HandedOut, appended, Leader), SignatureCheck.ByteRange, "không bao phủ toàn bộ tệp");
    }

    [ToolFact(TestPki.Tools, "poppler-utils libnss3-tools")]
    public void A_certificate_not_yet_valid_at_the_signing_time_is_refused()
    {
        var future = TestPki.Shared.LeaderCertificate(Now.AddDays(10), Now.AddYears(1), X509KeyUsageFlags.DigitalSignature);

        AssertRefused(Verify(SignedReports.HandedOut, TestPki.ResignWith(SignedReports.LeaderSigned, future), Leader),
            SignatureCheck.NotYetValid, "Chứng thư số chưa có hiệu lực");
    }

    [ToolFact(TestPki.Tools, "poppler-utils libnss3-tools")]
    public void A_certificate_whose_key_usage_forbids_signing_is_refused()
    {
        var encryptionOnly = TestPki.Shared.LeaderCertificate(Now.AddDays(-1), Now.AddYears(1), X509KeyUsageFlags.KeyEncipherment);

        AssertRefused(Verify(SignedReports.HandedOut, TestPki.ResignWith(SignedReports.LeaderSigned, encryptionOnly), Leader),
            SignatureCheck.KeyUsage, "không được phép dùng để ký số");
    }

    [ToolFact(TestPki.Tools, "poppler-utils libnss3-tools")]
    public void A_signature_with_a_sha1_digest_is_refused()
    {
        var sha1 = TestPki.ResignWith(SignedReports.LeaderSigned, TestPki.Shared.Leader, "1.3.14.3.2.26");

        AssertRefused(Verify(SignedReports.HandedOut, sha1, Leader), SignatureCheck.Digest, "cần SHA-256 trở lên");
    }

    [ToolFact(TestPki.Tools, "poppler-utils libnss3-tools")]
    public void A_signature_made_again_over_the_same_range_by_the_right_key_is_accepted_with_its_cms_signing_time()
    {
        var again = TestPki.ResignWith(SignedReports.LeaderSigned, TestPki.Shared.Leader);

        var result = Verify(SignedReports.HandedOut, again, Leader);
        Assert.True(result.Ok, result.FailureMessage);
        // .NET writes the CMS signingTime attribute (pdfsig only the dictionary's /M): it is the time shown.
        Assert.InRange(result.Signature!.SignedAt!.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [ToolFact(TestPki.Tools, "poppler-utils libnss3-tools")]
    public void Any_byte_changed_outside_the_signature_value_is_refused_and_no_change_throws()
    {
        var signed = SignedReports.LeaderSigned;
        var layout = SignedPdfParser.Parse(SignedReports.HandedOut, signed).Layout!;
        var verifier = TestVerifier.Create();
        var random = new Random(13);
        var update = Enumerable.Range(SignedReports.HandedOut.Length, signed.Length - SignedReports.HandedOut.Length);
        var positions = update.Where(i => i < layout.ContentsStart || i >= layout.ContentsEnd).OrderBy(_ => random.Next()).Take(100)
            .Concat(Enumerable.Range(0, 30).Select(_ => random.Next(SignedReports.HandedOut.Length)));
        var inSlot = Enumerable.Range(0, 50).Select(_ => random.Next(layout.ContentsStart, layout.ContentsEnd));

        foreach (var at in positions.Concat(inSlot))
        {
            var tampered = (byte[])signed.Clone();
            tampered[at] ^= 0x01;
            var result = verifier.Verify(SignedReports.HandedOut, tampered, Leader, Now);
            if (at < layout.ContentsStart || at >= layout.ContentsEnd) Assert.False(result.Ok, $"byte {at} changed and accepted");
            else Assert.True(result.Ok ? result.Signature is not null : result.FailureMessage is not null);
        }
    }

    [Fact]
    public void A_file_that_is_not_a_pdf_is_refused()
    {
        AssertRefused(Verify(SignedReports.HandedOut, "PK\u0003\u0004 not a pdf"u8.ToArray(), Leader), SignatureCheck.Pdf, "Tệp không phải PDF");
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_parsed()
    {
        var result = TestVerifier.Create(maxUploadBytes: 1024 * 1024).Verify(SignedReports.HandedOut, new byte[1024 * 1024 + 1], Leader, Now);

        AssertRefused(result, SignatureCheck.Size, "Tệp quá lớn: tệp đã ký không được vượt quá 1 MB");
    }

    [Fact]
    public void The_unsigned_handed_out_file_uploaded_back_is_refused_as_unsigned()
    {
        AssertRefused(Verify(SignedReports.HandedOut, SignedReports.HandedOut, Leader), SignatureCheck.SignaturePresent, "Tệp không có chữ ký số");
    }

    private static int ByteIn(byte[] file, string text, int from)
    {
        var at = file.AsSpan(from).IndexOf(System.Text.Encoding.ASCII.GetBytes(text));
        Assert.True(at >= 0, $"{text} not found");
        return from + at;
    }
}
