import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Work spread over the machine's cores where the pieces are independent. Results always
/// come back in index order, so a parallel run gives exactly what a serial one gives.
/// `TOPOLINT_THREADS=1` makes every such step serial (for comparisons and profiles).
public enum Parallel {
    /// Whether independent work runs on several threads: more than one core online and
    /// TOPOLINT_THREADS not set to 1.
    public static let enabled: Bool = {
        if let value = getenv("TOPOLINT_THREADS"), String(cString: value) == "1" { return false }
        return sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1
    }()

    /// `body(i)` for every i in 0..<count, in parallel when `enabled` (and `parallel`),
    /// the results in index order.
    public static func map<T>(_ count: Int, parallel: Bool = true, _ body: (Int) -> T) -> [T] {
        guard count > 1, parallel, enabled else { return (0..<count).map(body) }
        let slots = UnsafeMutablePointer<T>.allocate(capacity: count)
        defer { slots.deinitialize(count: count); slots.deallocate() }
        withoutActuallyEscaping(body) { body in
            let shared = Shared(slots: slots, body: body)
            DispatchQueue.concurrentPerform(iterations: count) { i in
                (shared.slots + i).initialize(to: shared.body(i))
            }
        }
        return Array(UnsafeBufferPointer(start: slots, count: count))
    }

    /// Lets go of `value` on another thread, when independent work may run on several:
    /// freeing a large model object by object (every host's name, every domain's lists)
    /// takes tens of milliseconds, which the caller spends on its next step instead. The
    /// caller passes its only reference (`consume`), so that the other thread frees it.
    public static func release<T>(_ value: consuming T) {
        guard enabled else { return }
        let box = Box(value: value)
        DispatchQueue.global().async { withExtendedLifetime(box) {} }
    }

    /// Holds a value for `release`; it is never read, only dropped.
    private final class Box<T>: @unchecked Sendable {
        let value: T
        init(value: consuming T) { self.value = value }
    }

    /// Every iteration writes only its own slot, and `body` reads only values that no
    /// iteration changes: that is what makes sharing them across threads safe.
    private struct Shared<T>: @unchecked Sendable {
        let slots: UnsafeMutablePointer<T>
        let body: (Int) -> T
    }
}
