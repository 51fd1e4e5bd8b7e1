import TopolintCLI
#if canImport(Glibc)
import Glibc
#endif

#if os(Linux)
// glibc raises its mmap threshold each time a large block is freed, after which large
// arrays come from the heap and their pages stay with the process when freed. A fixed
// threshold keeps every large array (the file, the node arena, the model's tables) in its
// own mapping, returned when freed: on a large design this lowers peak memory by a tenth.
// (mallopt is declared in <malloc.h>, which Swift's Glibc module leaves out; its values
// M_TRIM_THRESHOLD = -1 and M_MMAP_THRESHOLD = -3 are glibc's.)
@_silgen_name("mallopt") func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
_ = mallopt(-3, 256 * 1024)
_ = mallopt(-1, 512 * 1024)
#endif

// A reader that goes away (`topolint lint … | head`) is a write that fails with EPIPE,
// which the writers report with exit status 3, rather than a signal that ends the process
// before it can say anything.
#if canImport(Glibc)
_ = signal(SIGPIPE, SIG_IGN)
#endif

TopolintCommand.runAndExit()
