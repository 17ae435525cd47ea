import Foundation

/// Substring search and replacement over UTF-8 bytes. Foundation's `range(of:)` and `replacingOccurrences` go
/// through UTF-16 (and on a substring rebuild their offsets each call), which made them the largest cost of a
/// build; the site's markup searches are all for ASCII tags, where bytes give the same answer.
extension StringProtocol {
    /// The first occurrence of `target` at or after the start, as a range of this string's indices.
    public func byteRange(of target: String) -> Range<String.Index>? {
        byteRange(of: target) { ByteSearch.first($0, in: $1) }
    }

    /// The last occurrence of `target`, as a range of this string's indices.
    public func lastByteRange(of target: String) -> Range<String.Index>? {
        byteRange(of: target) { ByteSearch.last($0, in: $1) }
    }

    /// The range of the occurrence `search` finds (a byte offset of the needle in the bytes).
    private func byteRange(of target: String, _ search: ([UInt8], UnsafeBufferPointer<UInt8>) -> Int?) -> Range<String.Index>? {
        let needle = Array(target.utf8)
        let found = utf8.withContiguousStorageIfAvailable { search(needle, $0) }
            ?? Array(utf8).withUnsafeBufferPointer { search(needle, $0) }
        guard let offset = found else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.count)
    }

    /// Every occurrence of `target` replaced by `replacement` (left to right, not overlapping).
    public func replacingAll(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8), substitute = Array(replacement.utf8)
        let replaced = utf8.withContiguousStorageIfAvailable { ByteSearch.replace(needle, with: substitute, in: $0) }
            ?? Array(utf8).withUnsafeBufferPointer { ByteSearch.replace(needle, with: substitute, in: $0) }
        return replaced.map { String(decoding: $0, as: UTF8.self) } ?? String(self)
    }
}

/// Byte-level search used by the string helpers above and by scanners that hold a buffer already.
public enum ByteSearch {
    /// Byte offset of the first `needle` in `haystack`.
    public static func first(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        guard let base = haystack.baseAddress, let head = needle.first else { return needle.isEmpty ? from : nil }
        let count = haystack.count, length = needle.count
        var index = from
        while index + length <= count {
            guard let hit = memchr(base + index, Int32(head), count - length - index + 1) else { return nil }
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if needle.withUnsafeBufferPointer({ memcmp(base + position, $0.baseAddress!, length) }) == 0 { return position }
            index = position + 1
        }
        return nil
    }

    /// Byte offset of the last `needle` in `haystack`.
    public static func last(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count, let base = haystack.baseAddress else { return nil }
        var position = haystack.count - needle.count
        while position >= 0 {
            if haystack[position] == needle[0],
               needle.withUnsafeBufferPointer({ memcmp(base + position, $0.baseAddress!, needle.count) }) == 0 { return position }
            position -= 1
        }
        return nil
    }

    /// The bytes with every `needle` replaced, or nil when there is none.
    public static func replace(_ needle: [UInt8], with substitute: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard !needle.isEmpty, var hit = first(needle, in: haystack) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(haystack.count + haystack.count / 8)
        var copied = 0
        while true {
            out.append(contentsOf: haystack[copied..<hit])
            out.append(contentsOf: substitute)
            copied = hit + needle.count
            guard let next = first(needle, in: haystack, from: copied) else { break }
            hit = next
        }
        out.append(contentsOf: haystack[copied...])
        return out
    }
}
