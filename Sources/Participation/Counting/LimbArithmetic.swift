/// Unsigned arithmetic on little-endian arrays of 64-bit limbs, the magnitude of a ``BigInt``.
///
/// Inputs never carry leading zero limbs; outputs may, and ``BigInt`` strips them.
enum LimbArithmetic {
    static func compare(_ a: [UInt64], _ b: [UInt64]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var index = a.count - 1
        while index >= 0 {
            if a[index] != b[index] { return a[index] < b[index] ? -1 : 1 }
            index -= 1
        }
        return 0
    }

    static func add(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        var result = [UInt64](repeating: 0, count: long.count + 1)
        var carry: UInt64 = 0
        for index in 0..<long.count {
            let (partial, overflowA) = long[index].addingReportingOverflow(index < short.count ? short[index] : 0)
            let (sum, overflowB) = partial.addingReportingOverflow(carry)
            result[index] = sum
            carry = (overflowA ? 1 : 0) + (overflowB ? 1 : 0)
        }
        result[long.count] = carry
        return result
    }

    /// `a - b`, given `a >= b`.
    static func subtract(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var result = a
        var borrow: UInt64 = 0
        for index in 0..<a.count {
            let (partial, overflowA) = a[index].subtractingReportingOverflow(index < b.count ? b[index] : 0)
            let (difference, overflowB) = partial.subtractingReportingOverflow(borrow)
            result[index] = difference
            borrow = (overflowA ? 1 : 0) + (overflowB ? 1 : 0)
        }
        return result
    }

    static func multiply(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        if a.isEmpty || b.isEmpty { return [] }
        var result = [UInt64](repeating: 0, count: a.count + b.count)
        result.withUnsafeMutableBufferPointer { output in
            for i in 0..<a.count {
                var carry: UInt64 = 0
                let left = a[i]
                if left == 0 { continue }
                for j in 0..<b.count {
                    let (high, low) = left.multipliedFullWidth(by: b[j])
                    let (sum1, overflow1) = low.addingReportingOverflow(output[i + j])
                    let (sum2, overflow2) = sum1.addingReportingOverflow(carry)
                    output[i + j] = sum2
                    // high <= 2^64 - 2, so adding two carries cannot overflow.
                    carry = high &+ (overflow1 ? 1 : 0) &+ (overflow2 ? 1 : 0)
                }
                output[i + b.count] = carry
            }
        }
        return result
    }

    /// `value = value * factor + addend`, growing as needed.
    static func multiplyAdd(_ value: inout [UInt64], by factor: UInt64, adding addend: UInt64) {
        var carry = addend
        for index in 0..<value.count {
            let (high, low) = value[index].multipliedFullWidth(by: factor)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            value[index] = sum
            carry = high &+ (overflow ? 1 : 0)
        }
        if carry != 0 { value.append(carry) }
    }

    /// Divides in place by a single limb, strips leading zeros, and returns the remainder.
    static func divideInPlace(_ value: inout [UInt64], by divisor: UInt64) -> UInt64 {
        var remainder: UInt64 = 0
        var index = value.count - 1
        while index >= 0 {
            let (quotient, rest) = divisor.dividingFullWidth((high: remainder, low: value[index]))
            value[index] = quotient
            remainder = rest
            index -= 1
        }
        while let last = value.last, last == 0 { value.removeLast() }
        return remainder
    }

    /// Quotient and remainder (Knuth, TAOCP vol. 2, algorithm 4.3.1 D).
    static func divide(_ dividend: [UInt64], _ divisor: [UInt64]) -> (quotient: [UInt64], remainder: [UInt64]) {
        precondition(!divisor.isEmpty, "division by zero")
        if compare(dividend, divisor) < 0 { return ([], dividend) }
        if divisor.count == 1 {
            var quotient = dividend
            let remainder = divideInPlace(&quotient, by: divisor[0])
            return (quotient, remainder == 0 ? [] : [remainder])
        }
        // Normalize so the divisor's top limb has its high bit set; quotient digit estimates are
        // then off by at most two.
        let shift = divisor[divisor.count - 1].leadingZeroBitCount
        let v = shiftLeft(divisor, by: shift)
        var u = shiftLeft(dividend, by: shift)
        if u.count == dividend.count { u.append(0) }
        let n = v.count
        let m = u.count - n
        var quotient = [UInt64](repeating: 0, count: m)
        let vTop = v[n - 1]
        let vNext = v[n - 2]
        var j = m - 1
        while j >= 0 {
            let uTop = u[j + n]
            var qHat: UInt64
            var rHat: UInt64
            var rHatOverflow = false
            if uTop >= vTop {
                qHat = UInt64.max
                let (sum, overflow) = u[j + n - 1].addingReportingOverflow(vTop)
                rHat = sum
                rHatOverflow = overflow
            } else {
                (qHat, rHat) = vTop.dividingFullWidth((high: uTop, low: u[j + n - 1]))
            }
            while !rHatOverflow {
                let (productHigh, productLow) = qHat.multipliedFullWidth(by: vNext)
                if productHigh > rHat || (productHigh == rHat && productLow > u[j + n - 2]) {
                    qHat -= 1
                    let (sum, overflow) = rHat.addingReportingOverflow(vTop)
                    rHat = sum
                    rHatOverflow = overflow
                } else {
                    break
                }
            }
            // Multiply and subtract qHat * v from u[j ..< j+n+1].
            var borrow: UInt64 = 0
            var carry: UInt64 = 0
            for i in 0..<n {
                let (high, low) = qHat.multipliedFullWidth(by: v[i])
                let (productLow, overflowA) = low.addingReportingOverflow(carry)
                carry = high &+ (overflowA ? 1 : 0)
                let (difference1, overflowB) = u[i + j].subtractingReportingOverflow(productLow)
                let (difference2, overflowC) = difference1.subtractingReportingOverflow(borrow)
                u[i + j] = difference2
                borrow = (overflowB ? 1 : 0) + (overflowC ? 1 : 0)
            }
            let (top1, overflowD) = u[j + n].subtractingReportingOverflow(carry)
            let (top2, overflowE) = top1.subtractingReportingOverflow(borrow)
            u[j + n] = top2
            if overflowD || overflowE {
                // qHat was one too large: add the divisor back.
                qHat -= 1
                var addCarry: UInt64 = 0
                for i in 0..<n {
                    let (sum1, overflow1) = u[i + j].addingReportingOverflow(v[i])
                    let (sum2, overflow2) = sum1.addingReportingOverflow(addCarry)
                    u[i + j] = sum2
                    addCarry = (overflow1 ? 1 : 0) + (overflow2 ? 1 : 0)
                }
                u[j + n] = u[j + n] &+ addCarry
            }
            quotient[j] = qHat
            j -= 1
        }
        let remainder = shiftRight(Array(u[0..<n]), by: shift)
        return (quotient, remainder)
    }

    static func shiftLeft(_ value: [UInt64], by shift: Int) -> [UInt64] {
        if shift == 0 { return value }
        var result = [UInt64](repeating: 0, count: value.count + 1)
        for index in 0..<value.count {
            result[index] |= value[index] << UInt64(shift)
            result[index + 1] = value[index] >> UInt64(64 - shift)
        }
        while let last = result.last, last == 0 { result.removeLast() }
        return result
    }

    static func shiftRight(_ value: [UInt64], by shift: Int) -> [UInt64] {
        var result = value
        if shift > 0 {
            for index in 0..<value.count {
                let upper = index + 1 < value.count ? value[index + 1] << UInt64(64 - shift) : 0
                result[index] = (value[index] >> UInt64(shift)) | upper
            }
        }
        while let last = result.last, last == 0 { result.removeLast() }
        return result
    }

    /// The top 64 significant bits as an integer and the binary exponent of its lowest bit.
    static func leadingBits(_ magnitude: [UInt64]) -> (mantissa: UInt64, exponent: Int) {
        let count = magnitude.count
        let top = magnitude[count - 1]
        let zeros = top.leadingZeroBitCount
        if count == 1 { return (top, 0) }
        let next = magnitude[count - 2]
        let mantissa = zeros == 0 ? top : (top << UInt64(zeros)) | (next >> UInt64(64 - zeros))
        return (mantissa, (count - 1) * 64 - zeros)
    }
}
