extension Rational {
    /// `numerator / denominator` from machine integers (counts), in lowest terms.
    /// - Precondition: `denominator` is not zero.
    public init(_ numerator: Int, _ denominator: Int) { self.init(BigInt(numerator), BigInt(denominator)) }

    /// The absolute value.
    public var magnitude: Rational { isNegative ? -self : self }
}
