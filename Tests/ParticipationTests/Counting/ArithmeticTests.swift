import Testing
@testable import Participation

@Suite struct BigIntTests {
    @Test func additionOverflowMovesToTheLargePathAndBack() {
        let max = BigInt(Int64.max)
        let sum = max + BigInt(1)
        #expect(sum.int64Value == nil)
        #expect(sum.description == "9223372036854775808")
        #expect((sum - BigInt(1)).int64Value == Int64.max)
    }

    @Test func multiplicationIsExactBeyondSixtyFourBits() {
        let a = BigInt(decimalDigits: "123456789012345678901234567890")!
        let b = BigInt(decimalDigits: "987654321098765432109876543210")!
        #expect((a * b).description == "121932631137021795226185032733622923332237463801111263526900")
        #expect((-a * b).description == "-121932631137021795226185032733622923332237463801111263526900")
    }

    @Test func divisionAgreesWithMultiplication() {
        let dividend = BigInt(decimalDigits: "121932631137021795226185032733622923332237463801111263526907")!
        let divisor = BigInt(decimalDigits: "987654321098765432109876543210")!
        let (quotient, remainder) = dividend.quotientAndRemainder(dividingBy: divisor)
        #expect(quotient.description == "123456789012345678901234567890")
        #expect(remainder == BigInt(7))
        #expect(quotient * divisor + remainder == dividend)
        let negative = (-dividend).quotientAndRemainder(dividingBy: divisor)
        #expect(negative.quotient == -quotient)
        #expect(negative.remainder == BigInt(-7))
    }

    @Test func divisionHandlesTheAddBackCase() {
        // Knuth's algorithm D needs its rare "add back" step for this pair (2^128 - 1 over 2^64 + 3 style values).
        let dividend = BigInt(decimalDigits: "340282366920938463463374607431768211455")!
        let divisor = BigInt(decimalDigits: "18446744073709551619")!
        let (quotient, remainder) = dividend.quotientAndRemainder(dividingBy: divisor)
        #expect(quotient * divisor + remainder == dividend)
        #expect(remainder >= BigInt.zero && remainder < divisor)
    }

    @Test func gcdAndComparison() {
        let a = BigInt(decimalDigits: "36893488147419103232")!  // 2^65
        let b = BigInt(decimalDigits: "55340232221128654848")!  // 3 · 2^64
        #expect(BigInt.gcd(a, b).description == "18446744073709551616")
        #expect(BigInt.gcd(BigInt(12), BigInt(-18)) == BigInt(6))
        #expect(-a < b)
        #expect(a < b)
        #expect(!(b < a))
        #expect(BigInt(Int64.min).magnitude.description == "9223372036854775808")
    }

    @Test func ratioApproximationWorksBeyondDoubleRange() {
        let huge = BigInt(10).power(400)
        #expect(abs(BigInt.approximateRatio(huge * BigInt(3), huge) - 3) < 1e-12)
    }
}

@Suite struct RationalTests {
    @Test func normalizesToLowestTermsWithPositiveDenominator() {
        let value = Rational(BigInt(6), BigInt(-4))
        #expect(value.numerator == BigInt(-3))
        #expect(value.denominator == BigInt(2))
        #expect(Rational(BigInt(0), BigInt(-5)) == .zero)
    }

    @Test func parsesDecimalsExactly() throws {
        #expect(Rational(decimal: "1234.56") == Rational(BigInt(30864), BigInt(25)))
        #expect(Rational(decimal: "1234,56") == Rational(BigInt(30864), BigInt(25)))
        #expect(Rational(decimal: " 400000.0 ") == Rational(400000))
        #expect(Rational(decimal: "-0.5") == Rational(BigInt(-1), BigInt(2)))
        #expect(Rational(decimal: "1.5e3") == Rational(1500))
        #expect(Rational(decimal: "12345678901234567890.25")?.decimalString == "12345678901234567890.25")
        #expect(Rational(decimal: "12a") == nil)
        #expect(Rational(decimal: "") == nil)
        #expect(Rational(decimal: "1.2.3") == nil)
    }

    @Test func decimalStringIsExactOrAFraction() {
        #expect(Rational(decimal: "2158427.19")!.decimalString == "2158427.19")
        #expect(Rational(BigInt(-1), BigInt(8)).decimalString == "-0.125")
        #expect(Rational(BigInt(1), BigInt(3)).decimalString == "1/3")
        #expect(Rational(42).decimalString == "42")
    }

    @Test func comparisonsAreExactOnBothPaths() {
        let third = Rational(BigInt(1), BigInt(3))
        let close = Rational(BigInt(333_333_333_333_333_333), BigInt(1_000_000_000_000_000_000))
        #expect(close < third)
        // Cross products overflow Int64 here; the full-width fast path must still be exact.
        let a = Rational(BigInt(Int64.max - 1), BigInt(Int64.max))
        let b = Rational(BigInt(Int64.max - 2), BigInt(Int64.max - 1))
        #expect(b < a)
        let big = Rational(BigInt(10).power(30) + BigInt(1), BigInt(10).power(30))
        #expect(Rational.one < big)
        #expect(!(big < Rational.one))
    }

    @Test func arithmeticGrowsDenominatorsWithoutLoss() {
        var sum = Rational.zero
        for denominator in 1...40 { sum += Rational(BigInt(1), BigInt(denominator)) }
        // lcm(1…40) = 5342931457063200, so the harmonic number times it is a whole number.
        #expect((sum * Rational(BigInt(5_342_931_457_063_200))).isInteger)
        #expect(!sum.isInteger)
        var back = sum
        for denominator in 1...40 { back -= Rational(BigInt(1), BigInt(denominator)) }
        #expect(back == .zero)
        let product = Rational(BigInt(2), BigInt(3)) * Rational(BigInt(9), BigInt(4))
        #expect(product == Rational(BigInt(3), BigInt(2)))
        #expect(Rational(BigInt(3), BigInt(2)) / Rational(BigInt(9), BigInt(4)) == Rational(BigInt(2), BigInt(3)))
        #expect(Rational(BigInt(-7), BigInt(2)).floor == BigInt(-4))
    }
}

@Suite struct IdentifierOrderTests {
    @Test func comparesByUnicodeScalarsNotNumbers() {
        #expect(ProjectIdentifierOrder.precedes("10", "9"))
        #expect(ProjectIdentifierOrder.precedes("P0102", "P92"))
        #expect(ProjectIdentifierOrder.precedes("c10", "c2"))
        #expect(ProjectIdentifierOrder.precedes("Z", "a"))
        #expect(ProjectIdentifierOrder.precedes("é", "😀"))
        #expect(!ProjectIdentifierOrder.precedes("9", "10"))
    }
}
