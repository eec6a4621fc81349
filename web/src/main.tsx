// The operator console: Preact with signals, served by the Worker as static assets (web/build.mjs).
import { render } from "preact";
import { App } from "./app";
import { resumeSession } from "./session";
import "./styles.css";

render(<App />, document.getElementById("app")!);
void resumeSession();
