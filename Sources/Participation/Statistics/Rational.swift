/// An exact fraction, always reduced with a positive denominator, so that equal values compare
/// equal in tests and published figures never carry rounding error.
public struct Rational: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    /// `numerator / denominator`, reduced.
    /// - Precondition: `denominator` is not zero.
    public init(_ numerator: Int, _ denominator: Int = 1) {
        precondition(denominator != 0, "a fraction needs a non-zero denominator")
        let divisor = Self.gcd(numerator.magnitude, denominator.magnitude)
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / Int(divisor)
        self.denominator = sign * denominator / Int(divisor)
    }

    public static let zero = Rational(0)

    public static func + (lhs: Rational, rhs: Rational) -> Rational {
        Rational(lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator, lhs.denominator * rhs.denominator)
    }

    public static func - (lhs: Rational, rhs: Rational) -> Rational { lhs + Rational(-rhs.numerator, rhs.denominator) }

    public static func * (lhs: Rational, rhs: Rational) -> Rational {
        Rational(lhs.numerator * rhs.numerator, lhs.denominator * rhs.denominator)
    }

    /// `lhs / rhs`, or nil when `rhs` is zero.
    public static func / (lhs: Rational, rhs: Rational) -> Rational? {
        rhs.numerator == 0 ? nil : Rational(lhs.numerator * rhs.denominator, lhs.denominator * rhs.numerator)
    }

    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    /// The absolute value.
    public var magnitude: Rational { Rational(abs(numerator), denominator) }

    /// "3/8", or "3" for a whole number.
    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    /// The value as a decimal text with `places` digits after the point, rounded half away from zero
    /// (for display; compare the fraction itself).
    public func decimal(places: Int) -> String {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (2 * abs(numerator) * scale + denominator) / (2 * denominator)
        let whole = scaled / scale
        let fraction = String(scaled % scale)
        let sign = numerator < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return "\(sign)\(whole)" }
        return "\(sign)\(whole)." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    static func gcd(_ a: UInt, _ b: UInt) -> UInt {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return max(a, 1)
    }
}
