import Testing
@testable import TopolintModel

/// A host's uplinks are kept inline when there are one or two: every list must read back as
/// it was made, whatever its length, and the inline form must stay 16 bytes.
@Suite("Model: short index lists")
struct IndexListTests {
    @Test(arguments: [[], [0], [7, 3], [1, 2, 3], [5, 5, 5, 5, 9], [-1], [4, -1]] as [[Int]])
    func aListReadsBackAsMade(_ values: [Int]) {
        let list = IndexList(values)
        #expect(list.count == values.count)
        #expect(Array(list) == values)
        #expect(list == IndexList(values))
    }

    @Test func listsOfOtherIndexesDiffer() {
        #expect(IndexList([1, 2]) != IndexList([2, 1]))
        #expect(IndexList([1]) != IndexList([1, 1]))
        #expect(IndexList([]) == IndexList())
    }

    @Test func theInlineFormTakesSixteenBytes() {
        #expect(MemoryLayout<IndexList>.size == 16)
        #expect(MemoryLayout<Host>.stride == 40)
    }
}

/// The two-index form the plain-host path uses keeps each index once, as a reference list does.
@Suite("Model: index lists of one or two")
struct IndexListPairTests {
    @Test func aPairReadsBackInOrder() {
        #expect(Array(IndexList(first: 4, second: 2)) == [4, 2])
        #expect(IndexList(first: 4, second: 2) == IndexList([4, 2]))
    }

    @Test func aRepeatedOrMissingSecondIsOne() {
        #expect(Array(IndexList(first: 3, second: 3)) == [3])
        #expect(Array(IndexList(first: 3, second: nil)) == [3])
        #expect(IndexList(first: 3, second: 3) == IndexList([3]))
    }
}
