// The plan clock: real time multiplied by a scale factor (60 = a plan hour per real minute), plus the explicit
// steps tests ask for. With a scale of 0 the clock moves only when stepped.

export class PlanClock {
  /**
   * @param {{ start: number, timeScale: number, realNow?: () => number }} options
   *   start: the plan time (epoch ms) the clock shows first.
   */
  constructor({ start, timeScale, realNow = Date.now }) {
    if (!Number.isFinite(timeScale) || timeScale < 0)
      throw new Error(`timeScale must be a number >= 0, got ${timeScale}`);
    this.start = start;
    this.timeScale = timeScale;
    this.realNow = realNow;
    this.realStart = realNow();
    this.stepped = 0;
  }

  /** The plan time now (epoch ms). */
  now() {
    return this.start + this.stepped + Math.floor((this.realNow() - this.realStart) * this.timeScale);
  }

  /** Moves the clock forward by `seconds` of plan time. @param {number} seconds */
  step(seconds) {
    if (!Number.isFinite(seconds) || seconds < 0) throw new Error(`seconds must be a number >= 0, got ${seconds}`);
    this.stepped += Math.round(seconds * 1000);
  }
}
