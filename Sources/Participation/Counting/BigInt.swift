/// An arbitrary-precision signed integer.
///
/// Values that fit in `Int64` stay inline (no heap allocation) and use overflow-checked machine
/// arithmetic; only results that overflow move to a magnitude of 64-bit limbs. Counting needs this
/// because exact equal-shares budgets have denominators that outgrow any fixed width after a few
/// rounds.
public struct BigInt: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    @usableFromInline
    enum Storage: Sendable, Hashable {
        case small(Int64)
        /// Invariant: the value does not fit in `Int64`, and `magnitude` has no leading zero limb.
        case large(negative: Bool, magnitude: [UInt64])
    }

    @usableFromInline
    var storage: Storage

    @inlinable
    init(storage: Storage) { self.storage = storage }

    /// Creates the integer equal to `value`.
    @inlinable
    public init(_ value: Int64) { storage = .small(value) }

    /// Creates the integer equal to `value`.
    @inlinable
    public init(_ value: Int) { storage = .small(Int64(value)) }

    /// Creates the integer equal to `value`.
    public init(integerLiteral value: Int64) { storage = .small(value) }

    /// Creates the integer equal to `value`.
    public init(_ value: UInt64) {
        if value <= UInt64(Int64.max) {
            storage = .small(Int64(value))
        } else {
            storage = .large(negative: false, magnitude: [value])
        }
    }

    /// Builds a normalized value from a sign and a little-endian limb magnitude.
    init(negative: Bool, magnitude: [UInt64]) {
        var limbs = magnitude
        while let last = limbs.last, last == 0 { limbs.removeLast() }
        if limbs.isEmpty {
            storage = .small(0)
        } else if limbs.count == 1 {
            let limb = limbs[0]
            if limb <= UInt64(Int64.max) {
                storage = .small(negative ? -Int64(limb) : Int64(limb))
            } else if negative && limb == UInt64(Int64.max) + 1 {
                storage = .small(Int64.min)
            } else {
                storage = .large(negative: negative, magnitude: limbs)
            }
        } else {
            storage = .large(negative: negative, magnitude: limbs)
        }
    }

    /// Zero.
    public static let zero = BigInt(0 as Int64)
    /// One.
    public static let one = BigInt(1 as Int64)

    /// The value as `Int64`, when it fits.
    @inlinable
    public var int64Value: Int64? {
        if case .small(let value) = storage { return value }
        return nil
    }

    /// Whether the value is zero.
    @inlinable
    public var isZero: Bool {
        if case .small(let value) = storage { return value == 0 }
        return false
    }

    /// Whether the value is strictly negative.
    @inlinable
    public var isNegative: Bool {
        switch storage {
        case .small(let value): return value < 0
        case .large(let negative, _): return negative
        }
    }

    /// -1, 0 or 1 according to the sign.
    public var signum: Int {
        switch storage {
        case .small(let value): return value == 0 ? 0 : (value < 0 ? -1 : 1)
        case .large(let negative, _): return negative ? -1 : 1
        }
    }

    var signAndMagnitude: (negative: Bool, magnitude: [UInt64]) {
        switch storage {
        case .small(let value): return (value < 0, value == 0 ? [] : [value.magnitude])
        case .large(let negative, let magnitude): return (negative, magnitude)
        }
    }

    /// The absolute value.
    public var magnitude: BigInt {
        let parts = signAndMagnitude
        return BigInt(negative: false, magnitude: parts.magnitude)
    }

    /// The number of bits of the absolute value (0 for zero).
    public var bitWidth: Int {
        let magnitude = signAndMagnitude.magnitude
        guard let top = magnitude.last else { return 0 }
        return (magnitude.count - 1) * 64 + (64 - top.leadingZeroBitCount)
    }

    // MARK: Arithmetic

    /// The sum.
    public static func + (lhs: BigInt, rhs: BigInt) -> BigInt {
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage {
            let (sum, overflow) = a.addingReportingOverflow(b)
            if !overflow { return BigInt(storage: .small(sum)) }
        }
        return addSigned(lhs.signAndMagnitude, rhs.signAndMagnitude)
    }

    /// The difference.
    public static func - (lhs: BigInt, rhs: BigInt) -> BigInt {
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage {
            let (difference, overflow) = a.subtractingReportingOverflow(b)
            if !overflow { return BigInt(storage: .small(difference)) }
        }
        let right = rhs.signAndMagnitude
        return addSigned(lhs.signAndMagnitude, (!right.negative, right.magnitude))
    }

    /// The opposite.
    public static prefix func - (operand: BigInt) -> BigInt {
        if case .small(let a) = operand.storage, a != Int64.min { return BigInt(storage: .small(-a)) }
        let parts = operand.signAndMagnitude
        return BigInt(negative: !parts.negative, magnitude: parts.magnitude)
    }

    /// The product.
    public static func * (lhs: BigInt, rhs: BigInt) -> BigInt {
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage {
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            if !overflow { return BigInt(storage: .small(product)) }
        }
        let left = lhs.signAndMagnitude
        let right = rhs.signAndMagnitude
        return BigInt(
            negative: left.negative != right.negative,
            magnitude: LimbArithmetic.multiply(left.magnitude, right.magnitude)
        )
    }

    /// Adds in place.
    public static func += (lhs: inout BigInt, rhs: BigInt) { lhs = lhs + rhs }
    /// Subtracts in place.
    public static func -= (lhs: inout BigInt, rhs: BigInt) { lhs = lhs - rhs }
    /// Multiplies in place.
    public static func *= (lhs: inout BigInt, rhs: BigInt) { lhs = lhs * rhs }

    private static func addSigned(
        _ left: (negative: Bool, magnitude: [UInt64]),
        _ right: (negative: Bool, magnitude: [UInt64])
    ) -> BigInt {
        if left.negative == right.negative {
            return BigInt(negative: left.negative, magnitude: LimbArithmetic.add(left.magnitude, right.magnitude))
        }
        let order = LimbArithmetic.compare(left.magnitude, right.magnitude)
        if order == 0 { return .zero }
        if order > 0 {
            return BigInt(negative: left.negative, magnitude: LimbArithmetic.subtract(left.magnitude, right.magnitude))
        }
        return BigInt(negative: right.negative, magnitude: LimbArithmetic.subtract(right.magnitude, left.magnitude))
    }

    /// Truncating division: the quotient rounds toward zero and the remainder has the sign of `self`.
    ///
    /// - Precondition: `divisor` is not zero.
    public func quotientAndRemainder(dividingBy divisor: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        precondition(!divisor.isZero, "BigInt division by zero")
        if case .small(let a) = storage, case .small(let b) = divisor.storage, !(a == Int64.min && b == -1) {
            return (BigInt(storage: .small(a / b)), BigInt(storage: .small(a % b)))
        }
        let left = signAndMagnitude
        let right = divisor.signAndMagnitude
        let (quotient, remainder) = LimbArithmetic.divide(left.magnitude, right.magnitude)
        return (
            BigInt(negative: left.negative != right.negative, magnitude: quotient),
            BigInt(negative: left.negative, magnitude: remainder)
        )
    }

    /// The truncated quotient.
    public static func / (lhs: BigInt, rhs: BigInt) -> BigInt { lhs.quotientAndRemainder(dividingBy: rhs).quotient }
    /// The remainder of the truncated division.
    public static func % (lhs: BigInt, rhs: BigInt) -> BigInt { lhs.quotientAndRemainder(dividingBy: rhs).remainder }

    /// The quotient rounded toward negative infinity.
    public func flooredDivision(by divisor: BigInt) -> BigInt {
        let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
        if !remainder.isZero && (remainder.isNegative != divisor.isNegative) { return quotient - .one }
        return quotient
    }

    /// The greatest common divisor, always non-negative; `gcd(0, 0) == 0`.
    public static func gcd(_ first: BigInt, _ second: BigInt) -> BigInt {
        var a = first.magnitude
        var b = second.magnitude
        while true {
            if case .small(let x) = a.storage, case .small(let y) = b.storage {
                return BigInt(UInt64Arithmetic.gcd(UInt64(x), UInt64(y)))
            }
            if b.isZero { return a }
            (a, b) = (b, a % b)
        }
    }

    /// `self` raised to a non-negative power.
    public func power(_ exponent: Int) -> BigInt {
        precondition(exponent >= 0, "negative exponent")
        var result = BigInt.one
        var base = self
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result *= base }
            remaining >>= 1
            if remaining > 0 { base *= base }
        }
        return result
    }

    // MARK: Comparison

    /// Orders integers by value.
    public static func < (lhs: BigInt, rhs: BigInt) -> Bool {
        if case .small(let a) = lhs.storage, case .small(let b) = rhs.storage { return a < b }
        let left = lhs.signAndMagnitude
        let right = rhs.signAndMagnitude
        if left.negative != right.negative { return left.negative }
        let order = LimbArithmetic.compare(left.magnitude, right.magnitude)
        return left.negative ? order > 0 : order < 0
    }

    // MARK: Conversions

    /// The nearest `Double` (to within one unit in the last place), or ±infinity beyond its range.
    public var doubleValue: Double {
        switch storage {
        case .small(let value):
            return Double(value)
        case .large(let negative, let magnitude):
            let (mantissa, exponent) = LimbArithmetic.leadingBits(magnitude)
            let value = Double(sign: .plus, exponent: exponent, significand: Double(mantissa))
            return negative ? -value : value
        }
    }

    /// A top-64-bit mantissa and a binary exponent with `|self| ≈ mantissa · 2^exponent`, usable
    /// to approximate ratios of integers beyond `Double`'s exponent range.
    var approximation: (mantissa: Double, exponent: Int) {
        switch storage {
        case .small(let value):
            return (Double(value.magnitude), 0)
        case .large(_, let magnitude):
            let (mantissa, exponent) = LimbArithmetic.leadingBits(magnitude)
            return (Double(mantissa), exponent)
        }
    }

    /// `numerator / denominator` as a `Double`, correct to a few units in the last place even when
    /// both operands exceed `Double`'s range.
    public static func approximateRatio(_ numerator: BigInt, _ denominator: BigInt) -> Double {
        let top = numerator.approximation
        let bottom = denominator.approximation
        let ratio = top.mantissa / bottom.mantissa
        let scaled = Double(sign: .plus, exponent: top.exponent - bottom.exponent, significand: ratio)
        return numerator.isNegative != denominator.isNegative ? -scaled : scaled
    }

    /// Parses an optionally signed run of decimal digits.
    public init?(decimalDigits text: Substring) {
        var digits = text.utf8[...]
        var negative = false
        if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var magnitude: [UInt64] = []
        var chunk: UInt64 = 0
        var chunkDigits = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            chunk = chunk * 10 + UInt64(byte - UInt8(ascii: "0"))
            chunkDigits += 1
            if chunkDigits == 19 {
                LimbArithmetic.multiplyAdd(&magnitude, by: 10_000_000_000_000_000_000, adding: chunk)
                chunk = 0
                chunkDigits = 0
            }
        }
        if chunkDigits > 0 {
            var factor: UInt64 = 1
            for _ in 0..<chunkDigits { factor *= 10 }
            LimbArithmetic.multiplyAdd(&magnitude, by: factor, adding: chunk)
        }
        self.init(negative: negative, magnitude: magnitude)
    }

    /// The value in decimal.
    public var description: String {
        switch storage {
        case .small(let value):
            return String(value)
        case .large(let negative, let magnitude):
            var remaining = magnitude
            var chunks: [UInt64] = []
            while !remaining.isEmpty {
                chunks.append(LimbArithmetic.divideInPlace(&remaining, by: 10_000_000_000_000_000_000))
            }
            var text = negative ? "-" : ""
            // `chunks` is non-empty because a large value is never zero.
            text += String(chunks[chunks.count - 1])
            for chunk in chunks.dropLast().reversed() {
                let digits = String(chunk)
                text += String(repeating: "0", count: 19 - digits.count) + digits
            }
            return text
        }
    }
}

/// Word-sized helpers for the fast path.
enum UInt64Arithmetic {
    /// Binary GCD (Stein): only shifts and subtractions.
    static func gcd(_ first: UInt64, _ second: UInt64) -> UInt64 {
        var a = first
        var b = second
        if a == 0 { return b }
        if b == 0 { return a }
        let shift = (a | b).trailingZeroBitCount
        a >>= a.trailingZeroBitCount
        repeat {
            b >>= b.trailingZeroBitCount
            if a > b { swap(&a, &b) }
            b -= a
        } while b != 0
        return a << shift
    }
}
