// PLACEHOLDER for the synthetic event generator.
import TallyStore

public enum EventGenerator {}
