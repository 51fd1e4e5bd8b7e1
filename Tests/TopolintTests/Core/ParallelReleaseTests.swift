import Dispatch
import Testing
@testable import TopolintCore
#if canImport(Glibc)
import Glibc
#endif

/// A value handed to `Parallel.release` is freed, on another thread when several may run.
@Suite("Core: release on the other core")
struct ParallelReleaseTests {
    final class Probe: @unchecked Sendable {
        let freed: DispatchSemaphore
        let caller: pthread_t
        nonisolated(unsafe) static var freedOnCaller: Bool?
        init(freed: DispatchSemaphore) {
            self.freed = freed
            caller = pthread_self()
        }
        deinit {
            Probe.freedOnCaller = pthread_equal(caller, pthread_self()) != 0
            freed.signal()
        }
    }

    @Test("the value is freed, and off the calling thread when threads are enabled")
    func freedElsewhere() {
        let freed = DispatchSemaphore(value: 0)
        let probe = Probe(freed: freed)
        Parallel.release(consume probe)
        // Generous: other suites keep every worker thread busy while this one waits.
        #expect(freed.wait(timeout: .now() + 120) == .success)
        if Parallel.enabled { #expect(Probe.freedOnCaller == false) } else { #expect(Probe.freedOnCaller == true) }
    }
}
