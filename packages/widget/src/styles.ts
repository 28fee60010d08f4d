/**
 * The widget's CSS, inside its shadow root: the host page's styles cannot reach in (`all: initial`
 * on the host resets even inherited ones), and these cannot leak out.
 */
export const styles = `
:host { all: initial; }
* { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; width: 60px; height: 60px; border-radius: 50%;
  border: none; background: #1f5fbf; color: #fff; font-size: 26px; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
.launcher:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
.panel { position: fixed; right: 20px; bottom: 92px; z-index: 2147483000; width: min(380px, calc(100vw - 24px)); height: min(560px, calc(100vh - 120px));
  display: flex; flex-direction: column; background: #fff; color: #1b1b1b; border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.3);
  overflow: hidden; font-size: 14px; line-height: 1.4; }
.panel[hidden] { display: none; }
header { display: flex; align-items: center; gap: 8px; padding: 12px 14px; background: #1f5fbf; color: #fff; }
header h2 { flex: 1; margin: 0; font-size: 15px; font-weight: 600; }
header button { background: transparent; color: #fff; border: none; font-size: 20px; cursor: pointer; line-height: 1; }
.body { flex: 1; display: flex; flex-direction: column; min-height: 0; }
.scroll { flex: 1; overflow-y: auto; padding: 12px 14px; }
form { display: flex; flex-direction: column; gap: 10px; }
.field { display: flex; flex-direction: column; gap: 4px; font-size: 13px; color: #333; }
input, textarea, select { font: inherit; font-size: 14px; padding: 8px; border: 1px solid #b8c0cc; border-radius: 6px; background: #fff; color: #1b1b1b; width: 100%; }
textarea { resize: vertical; min-height: 60px; }
.primary { background: #1f5fbf; color: #fff; border: none; border-radius: 6px; padding: 9px 14px; font: inherit; font-weight: 600; cursor: pointer; }
.primary:disabled { opacity: .6; cursor: default; }
.secondary { background: #eef2f8; color: #1f3b66; border: 1px solid #c9d4e5; border-radius: 6px; padding: 7px 10px; font: inherit; cursor: pointer; }
.greeting { margin: 0 0 10px; color: #333; }
.status { padding: 8px 14px; background: #f3f6fb; border-bottom: 1px solid #e0e6ef; font-size: 13px; color: #1f3b66; }
.error { color: #a40000; font-size: 13px; margin: 6px 14px; }
.error:empty { display: none; }
.log { display: flex; flex-direction: column; gap: 8px; }
.msg { max-width: 85%; padding: 7px 10px; border-radius: 10px; white-space: pre-wrap; word-wrap: break-word; }
.msg.customer { align-self: flex-end; background: #dbe8fb; }
.msg.agent { align-self: flex-start; background: #f1f1f1; }
.msg.system { align-self: center; background: transparent; color: #666; font-size: 12px; }
.msg .meta { display: block; font-size: 11px; color: #666; margin-top: 3px; }
.msg.failed .meta { color: #a40000; }
.typing { font-size: 12px; color: #666; padding: 0 14px 4px; min-height: 16px; }
.composer { display: flex; flex-direction: column; gap: 6px; padding: 8px 14px 12px; border-top: 1px solid #e0e6ef; }
.composer textarea { min-height: 44px; max-height: 120px; }
.row { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
.row .primary { margin-left: auto; }
fieldset { border: 1px solid #e0e6ef; border-radius: 8px; padding: 10px; margin: 10px 0 0; }
legend { padding: 0 4px; font-weight: 600; }
.scores { display: flex; flex-wrap: wrap; gap: 4px; margin: 8px 0; }
.scores label { display: inline-flex; align-items: center; gap: 2px; padding: 4px 6px; border: 1px solid #c9d4e5; border-radius: 6px; cursor: pointer; }
.scores input { width: auto; margin: 0; }
.hidden { display: none; }
`;
