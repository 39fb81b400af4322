// Starts `cosmodrome lsp` for the YAML files of story folders (folders with a story.yaml).
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace
    .getConfiguration("cosmodrome")
    .get("server.command", "cosmodrome");
  const server = { command, args: ["lsp"], transport: TransportKind.stdio };
  client = new LanguageClient(
    "cosmodrome",
    "Cosmodrome stories",
    { run: server, debug: server },
    {
      // the server answers only for files inside a story folder; others get nothing
      documentSelector: [{ scheme: "file", language: "yaml" }],
      synchronize: {
        fileEvents: vscode.workspace.createFileSystemWatcher("**/*.yaml"),
      },
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
