using DanVan.Domain.Formatting;

namespace DanVan.Domain.Signing;

/// <summary>The outcome of verifying an uploaded signed file: accepted with its signature, or refused with the check
/// that failed and a Vietnamese message naming it. Every refusal has its own factory and message.</summary>
public sealed record SignatureVerification(bool Ok, string? FailureMessage, string? FailedCheck, SignatureInfo? Signature)
{
    public static SignatureVerification Accepted(SignatureInfo signature) => new(true, null, null, signature);

    public static SignatureVerification Refused(string check, string message) => new(false, message, check, null);

    public static SignatureVerification TooLarge(long maxBytes) =>
        Refused(SignatureCheck.Size, $"Tệp quá lớn: tệp đã ký không được vượt quá {VietnameseFormat.Number(maxBytes / (1024m * 1024m), 1)} MB");

    public static SignatureVerification NotPdf() => Refused(SignatureCheck.Pdf, "Tệp không phải PDF");

    public static SignatureVerification WrongPrefix() =>
        Refused(SignatureCheck.Prefix, "Tệp không bắt đầu bằng đúng tệp đã giao để ký (tệp khác, hoặc đã được lưu lại bằng công cụ khác)");

    public static SignatureVerification NotIncremental() =>
        Refused(SignatureCheck.Incremental, "Phần thêm sau tệp đã giao không phải đúng một lần ký bổ sung (incremental): tệp đã bị sửa thêm");

    public static SignatureVerification NoSignature() =>
        Refused(SignatureCheck.SignaturePresent, "Tệp không có chữ ký số mới nào sau tệp đã giao để ký");

    public static SignatureVerification BadByteRange() =>
        Refused(SignatureCheck.ByteRange, "Phạm vi ký (ByteRange) không bao phủ toàn bộ tệp: có phần không được ký");

    public static SignatureVerification UnreadableSignature() =>
        Refused(SignatureCheck.Cms, "Không đọc được chữ ký số (CMS/PKCS#7) trong tệp");

    public static SignatureVerification WeakDigest(string algorithm) =>
        Refused(SignatureCheck.Digest, $"Chữ ký dùng thuật toán băm yếu ({algorithm}); cần SHA-256 trở lên");

    public static SignatureVerification Modified() =>
        Refused(SignatureCheck.Integrity, "Tệp đã bị sửa sau khi ký (chữ ký không khớp với nội dung)");

    public static SignatureVerification NotYetValid() =>
        Refused(SignatureCheck.NotYetValid, "Chứng thư số chưa có hiệu lực tại thời điểm ký");

    public static SignatureVerification Expired() =>
        Refused(SignatureCheck.Expired, "Chứng thư số đã hết hạn tại thời điểm ký");

    public static SignatureVerification KeyUsageForbidsSigning() =>
        Refused(SignatureCheck.KeyUsage, "Chứng thư số không được phép dùng để ký số");

    public static SignatureVerification Untrusted() =>
        Refused(SignatureCheck.Trust, "Chứng thư số không do tổ chức được tin cậy cấp");

    public static SignatureVerification WrongSigner(SigningStep step, string actual, string expected) =>
        Refused(SignatureCheck.Signer, step == SigningStep.Leader
            ? $"Người ký không đúng: chứng thư số của «{actual}», báo cáo cần chữ ký của «{expected}»"
            : $"Người ký không đúng: chứng thư số của «{actual}», bước ban hành cần chữ ký số của cơ quan «{expected}»");
}
