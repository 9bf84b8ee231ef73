// GNU readline, seen from Swift. readline.h needs stdio.h first.
//
// readline is configured through global variables. Swift 6 refuses to touch C globals that are
// mutable (they are shared state it cannot check), so the few we need are set and read through
// these tiny functions. Tally calls them only on the main thread.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

/// Names the program for ~/.inputrc conditionals (`$if tally`).
/// (A C literal, because readline keeps the pointer.)
static inline void tally_rl_name_program(void) { rl_readline_name = "tally"; }

/// 0: readline leaves SIGINT and friends to the program's own handlers.
static inline void tally_rl_set_catch_signals(int catches) { rl_catch_signals = catches; }

/// The line being edited (valid during a completion callback).
static inline const char *tally_rl_line_buffer(void) { return rl_line_buffer; }

/// 1: do not fall back to file-name completion after our completer ran.
static inline void tally_rl_set_attempted_completion_over(int over) { rl_attempted_completion_over = over; }

/// Installs (or with NULL removes) the completion hook, with Tally's word breaks and quotes:
/// words end at blanks and operators but not at `.` (dot-commands, flattened `a.b` columns)
/// nor at `/` and `-` (file paths);
/// inside "…" the word starts after the quote and readline closes it on a unique match.
static inline void tally_rl_set_completion(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
    rl_completer_word_break_characters = (char *)" \t\n\"'`@$><=;|&{(,)!+*[]";
    rl_completer_quote_characters = "\"";
}

/// The newest history entry's text, or NULL when the history is empty.
static inline const char *tally_history_last_line(void) {
    if (history_length <= 0) return NULL;
    HIST_ENTRY *entry = history_get(history_base + history_length - 1);
    return entry ? entry->line : NULL;
}
