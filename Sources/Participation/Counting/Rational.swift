/// An exact rational number, always in lowest terms with a positive denominator.
///
/// Costs, budgets, points and equal-shares payments are compared exactly: a tie is a tie and
/// "fits the budget" never depends on rounding. Small values (numerator and denominator in
/// `Int64`) take allocation-free fast paths.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The numerator; its sign is the sign of the value.
    public let numerator: BigInt
    /// The denominator, always positive.
    public let denominator: BigInt

    /// Creates `numerator / denominator` in lowest terms.
    ///
    /// - Precondition: `denominator` is not zero.
    public init(_ numerator: BigInt, _ denominator: BigInt) {
        precondition(!denominator.isZero, "Rational with zero denominator")
        var top = numerator
        var bottom = denominator
        if bottom.isNegative {
            top = -top
            bottom = -bottom
        }
        let divisor = BigInt.gcd(top, bottom)
        if divisor != .one && !divisor.isZero {
            top = top / divisor
            bottom = bottom / divisor
        }
        self.numerator = top
        self.denominator = bottom
    }

    private init(normalizedNumerator: BigInt, denominator: BigInt) {
        self.numerator = normalizedNumerator
        self.denominator = denominator
    }

    /// Creates the integer `value`.
    public init(_ value: BigInt) { self.init(normalizedNumerator: value, denominator: .one) }

    /// Creates the integer `value`.
    public init(_ value: Int) { self.init(BigInt(value)) }

    /// Creates the integer `value`.
    public init(integerLiteral value: Int64) { self.init(BigInt(value)) }

    /// Zero.
    public static let zero = Rational(0)
    /// One.
    public static let one = Rational(1)

    /// Whether the value is an integer.
    public var isInteger: Bool { denominator == .one }
    /// Whether the value is zero.
    public var isZero: Bool { numerator.isZero }
    /// Whether the value is strictly negative.
    public var isNegative: Bool { numerator.isNegative }

    /// The greatest integer not above the value.
    public var floor: BigInt { numerator.flooredDivision(by: denominator) }

    /// The nearest `Double` (for display and heuristics, never for decisions).
    public var doubleValue: Double { BigInt.approximateRatio(numerator, denominator) }

    // MARK: Arithmetic

    /// The sum.
    public static func + (lhs: Rational, rhs: Rational) -> Rational {
        if lhs.denominator == rhs.denominator {
            return Rational(lhs.numerator + rhs.numerator, lhs.denominator)
        }
        return Rational(lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator, lhs.denominator * rhs.denominator)
    }

    /// The difference.
    public static func - (lhs: Rational, rhs: Rational) -> Rational {
        if lhs.denominator == rhs.denominator {
            return Rational(lhs.numerator - rhs.numerator, lhs.denominator)
        }
        return Rational(lhs.numerator * rhs.denominator - rhs.numerator * lhs.denominator, lhs.denominator * rhs.denominator)
    }

    /// The product.
    public static func * (lhs: Rational, rhs: Rational) -> Rational {
        // Cross-cancelling first keeps the intermediate products small.
        let first = BigInt.gcd(lhs.numerator, rhs.denominator)
        let second = BigInt.gcd(rhs.numerator, lhs.denominator)
        let a = first.isZero || first == .one ? lhs.numerator : lhs.numerator / first
        let d = first.isZero || first == .one ? rhs.denominator : rhs.denominator / first
        let c = second.isZero || second == .one ? rhs.numerator : rhs.numerator / second
        let b = second.isZero || second == .one ? lhs.denominator : lhs.denominator / second
        return Rational(normalizedNumerator: a * c, denominator: b * d)
    }

    /// The quotient.
    ///
    /// - Precondition: `rhs` is not zero.
    public static func / (lhs: Rational, rhs: Rational) -> Rational {
        precondition(!rhs.isZero, "Rational division by zero")
        return Rational(lhs.numerator * rhs.denominator, lhs.denominator * rhs.numerator)
    }

    /// The opposite.
    public static prefix func - (operand: Rational) -> Rational {
        Rational(normalizedNumerator: -operand.numerator, denominator: operand.denominator)
    }

    /// Adds in place.
    public static func += (lhs: inout Rational, rhs: Rational) { lhs = lhs + rhs }
    /// Subtracts in place.
    public static func -= (lhs: inout Rational, rhs: Rational) { lhs = lhs - rhs }

    // MARK: Comparison

    /// Orders rationals by value, exactly.
    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        if lhs.denominator == rhs.denominator { return lhs.numerator < rhs.numerator }
        if let a = lhs.numerator.int64Value, let b = lhs.denominator.int64Value,
           let c = rhs.numerator.int64Value, let d = rhs.denominator.int64Value {
            // a/b < c/d with b, d > 0  ⇔  a·d < c·b; full-width products cannot overflow.
            let left = a.multipliedFullWidth(by: d)
            let right = c.multipliedFullWidth(by: b)
            return left.high != right.high ? left.high < right.high : left.low < right.low
        }
        return lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    // MARK: Text

    /// Parses a decimal number exactly: `1234`, `-0.5`, `1234.56`, a decimal comma `1234,56`,
    /// or an exponent `1.5e3`. Surrounding spaces are ignored. Returns `nil` for anything else.
    public init?(decimal text: some StringProtocol) {
        var bytes = Array(text.utf8)
        while let first = bytes.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { bytes.removeFirst() }
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { bytes.removeLast() }
        guard let value = Rational.parseDecimal(bytes[...]) else { return nil }
        self = value
    }

    /// Parses the bytes of a decimal number (see ``init(decimal:)``). Up to 18 digits are read
    /// without allocating.
    static func parseDecimal<Bytes: Collection>(_ bytes: Bytes) -> Rational? where Bytes.Element == UInt8 {
        var index = bytes.startIndex
        var negative = false
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index = bytes.index(after: index)
        }
        var small: Int64 = 0
        var digitCount = 0
        var longDigits: [UInt8] = []
        var fractionDigits = 0
        var seenPoint = false
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                if digitCount < 18 {
                    small = small * 10 + Int64(byte - UInt8(ascii: "0"))
                } else {
                    if longDigits.isEmpty { longDigits = Array(String(small).utf8) }
                    longDigits.append(byte)
                }
                digitCount += 1
                if seenPoint { fractionDigits += 1 }
            } else if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")) && !seenPoint {
                seenPoint = true
            } else {
                break
            }
            index = bytes.index(after: index)
        }
        guard digitCount > 0 else { return nil }
        var exponent = 0
        if index < bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") else { return nil }
            index = bytes.index(after: index)
            var exponentNegative = false
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index = bytes.index(after: index)
            }
            guard index < bytes.endIndex else { return nil }
            while index < bytes.endIndex {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"), exponent < 10_000 else { return nil }
                exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
                index = bytes.index(after: index)
            }
            if exponentNegative { exponent = -exponent }
        }
        let magnitude: BigInt
        if longDigits.isEmpty {
            magnitude = BigInt(small)
        } else {
            // Only ASCII digits were collected above, so this parse cannot fail.
            guard let parsed = BigInt(decimalDigits: Substring(decoding: longDigits, as: UTF8.self)) else { return nil }
            magnitude = parsed
        }
        let numerator = negative ? -magnitude : magnitude
        let scale = exponent - fractionDigits
        if scale == 0 { return Rational(normalizedNumerator: numerator, denominator: .one) }
        if scale > 0 { return Rational(normalizedNumerator: numerator * BigInt(10).power(scale), denominator: .one) }
        return Rational(numerator, BigInt(10).power(-scale))
    }

    /// The exact decimal expansion when the value has one (its denominator has no prime factor
    /// other than 2 and 5), such as `1234.56` or `-3`; otherwise `numerator/denominator`.
    public var decimalString: String {
        if isInteger { return numerator.description }
        var twos = 0
        var fives = 0
        var rest = denominator
        while (rest % 2).isZero { rest = rest / 2; twos += 1 }
        while (rest % 5).isZero { rest = rest / 5; fives += 1 }
        guard rest == .one else { return description }
        let places = max(twos, fives)
        let scaled = (numerator * BigInt(10).power(places)) / denominator
        var digits = scaled.magnitude.description
        if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
        let split = digits.index(digits.endIndex, offsetBy: -places)
        return (numerator.isNegative ? "-" : "") + digits[..<split] + "." + digits[split...]
    }

    /// `numerator/denominator`, or just the numerator for an integer.
    public var description: String {
        isInteger ? numerator.description : "\(numerator)/\(denominator)"
    }
}
