import { t } from "../i18n/i18n";
import { navigate } from "../router";
import { boardLink } from "../routes";
import { engines, severalEngines, shownEngine } from "./engines";

/** Which engine the job pages show, when there are several; choosing one opens its board. */
export function EnginePicker() {
  if (!severalEngines.value) return null;
  const words = t.value;
  return (
    <div class="engine-picker">
      <label for="engine-choice">{words.engine}</label>
      <select
        id="engine-choice"
        value={shownEngine.value}
        onChange={(event) => navigate(boardLink(event.currentTarget.value))}
      >
        {engines.value.map((engine) => (
          <option key={engine.name} value={engine.name}>
            {engine.default ? words.defaultEngine(engine.name) : engine.name}
          </option>
        ))}
      </select>
    </div>
  );
}
