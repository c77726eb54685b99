/// Hides counts of groups too small to publish, so that nobody can be singled out in an
/// aggregate table.
///
/// Primary suppression: a count from 1 to `minimumGroupSize - 1` is hidden (0 is shown:
/// it describes nobody). Secondary suppression: when exactly one cell is hidden, the smallest
/// other positive count is hidden too, so that the hidden one cannot be recovered by
/// subtracting the others from a total published elsewhere.
public enum SmallCellSuppression {
    /// `counts` with the cells to hide replaced by nil, in the same order.
    public static func apply(_ counts: [Int], minimumGroupSize: Int) -> [Int?] {
        var result: [Int?] = counts.map { $0 > 0 && $0 < minimumGroupSize ? nil : $0 }
        let hidden = result.filter { $0 == nil }.count
        if hidden == 1 {
            let candidates = result.indices.filter { result[$0].map { $0 > 0 } ?? false }
            // `candidates` only holds indices whose value is non-nil.
            if let smallest = candidates.min(by: { result[$0]! < result[$1]! }) { result[smallest] = nil }
        }
        return result
    }
}
