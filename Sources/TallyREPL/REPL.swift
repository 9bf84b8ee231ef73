// PLACEHOLDER for the readline REPL.
import TallyQuery
import CReadline

public enum REPL {}
