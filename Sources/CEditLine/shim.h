#include <stdio.h>
#include <editline/readline.h>

/* libedit's settings are global variables; Swift 6 reaches them through these functions. */
static inline void topolint_set_completion(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}
static inline const char *topolint_line_buffer(void) { return rl_line_buffer; }
static inline void topolint_completion_over(void) { rl_attempted_completion_over = 1; }
