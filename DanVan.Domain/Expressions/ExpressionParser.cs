using System.Globalization;

namespace DanVan.Domain.Expressions;

public sealed class ExpressionException(string message, int? position = null) : Exception(message)
{
    /// <summary>Where the problem is, 1-based, when it is at one place of the text.</summary>
    public int? Position { get; } = position;
}

/// <summary>A small recursive-descent parser; errors are Vietnamese because admins edit rules in the browser.</summary>
public static class ExpressionParser
{
    public const int MaxLength = 4000;

    public static Expr Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ExpressionException("Biểu thức trống.");
        if (text.Length > MaxLength) throw new ExpressionException("Biểu thức quá dài.");
        var reader = new Reader(text);
        var expr = reader.ParseSum();
        reader.SkipSpaces();
        if (!reader.AtEnd) throw new ExpressionException($"Ký tự không mong đợi “{reader.Peek}” ở vị trí {reader.Position + 1}.", reader.Position + 1);
        return expr;
    }

    public static bool TryParse(string text, out Expr? expr, out string? error)
    {
        try
        {
            expr = Parse(text);
            error = null;
            return true;
        }
        catch (ExpressionException ex)
        {
            expr = null;
            error = ex.Message;
            return false;
        }
    }

    private sealed class Reader(string text)
    {
        private int _depth;

        public int Position { get; private set; }
        public bool AtEnd => Position >= text.Length;
        public char Peek => text[Position];

        public void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(Peek)) Position++;
        }

        public Expr ParseSum()
        {
            var left = ParseProduct();
            while (true)
            {
                SkipSpaces();
                if (AtEnd || (Peek != '+' && Peek != '-')) return left;
                var op = Peek;
                Position++;
                left = new BinaryExpr(op, left, ParseProduct());
            }
        }

        private Expr ParseProduct()
        {
            var left = ParseUnary();
            while (true)
            {
                SkipSpaces();
                if (AtEnd || (Peek != '*' && Peek != '/')) return left;
                var op = Peek;
                Position++;
                left = new BinaryExpr(op, left, ParseUnary());
            }
        }

        private Expr ParseUnary()
        {
            SkipSpaces();
            if (!AtEnd && Peek == '-')
            {
                Position++;
                return new NegateExpr(ParseUnary());
            }
            return ParsePrimary();
        }

        private Expr ParsePrimary()
        {
            SkipSpaces();
            if (AtEnd) throw new ExpressionException($"Biểu thức kết thúc đột ngột ở vị trí {Position + 1}: còn thiếu số hoặc mã chỉ tiêu.", Position + 1);
            if (Peek == '(')
            {
                if (++_depth > 64) throw new ExpressionException($"Biểu thức lồng nhau quá sâu (vị trí {Position + 1}).", Position + 1);
                Position++;
                var inner = ParseSum();
                Expect(')');
                _depth--;
                return inner;
            }
            if (char.IsAsciiDigit(Peek)) return ParseNumber();
            if (char.IsAsciiLetter(Peek))
            {
                var start = Position;
                var name = ReadName();
                SkipSpaces();
                if (!AtEnd && Peek == '(')
                {
                    if (!name.Equals("PREV", StringComparison.OrdinalIgnoreCase))
                        throw new ExpressionException($"Hàm “{name}” ở vị trí {start + 1} không được hỗ trợ (chỉ có PREV).", start + 1);
                    Position++;
                    SkipSpaces();
                    if (AtEnd || !char.IsAsciiLetter(Peek))
                        throw new ExpressionException($"PREV cần một mã chỉ tiêu ở vị trí {Position + 1}.", Position + 1);
                    var code = ReadName();
                    Expect(')');
                    return new PreviousExpr(code.ToUpperInvariant());
                }
                return new CodeExpr(name.ToUpperInvariant());
            }
            throw new ExpressionException($"Ký tự không mong đợi “{Peek}” ở vị trí {Position + 1}.", Position + 1);
        }

        private Expr ParseNumber()
        {
            var start = Position;
            while (!AtEnd && (char.IsAsciiDigit(Peek) || Peek == '.')) Position++;
            var token = text[start..Position];
            if (!decimal.TryParse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                throw new ExpressionException($"Số “{token}” ở vị trí {start + 1} không hợp lệ.", start + 1);
            return new NumberExpr(value);
        }

        private string ReadName()
        {
            var start = Position;
            while (!AtEnd && (char.IsAsciiLetterOrDigit(Peek) || Peek is '.' or '_')) Position++;
            var name = text[start..Position].TrimEnd('.');
            Position = start + name.Length;
            return name;
        }

        private void Expect(char c)
        {
            SkipSpaces();
            if (AtEnd || Peek != c) throw new ExpressionException($"Thiếu “{c}” ở vị trí {Position + 1}.", Position + 1);
            Position++;
        }
    }
}
