package com.example.todo;

import com.example.todo.paw.todo.CreateTodoParams;
import com.example.todo.paw.todo.GetTodoAnswer;
import com.example.todo.paw.todo.TodoBlockingClient;
import com.example.todo.paw.todo.TodosRow;
import dev.paw.runtime.ConnectorProtocol.ConnectOptions;
import dev.paw.runtime.ConnectorProtocol.ConnectionResult;
import dev.paw.runtime.Paw;
import dev.paw.runtime.TypedResult.Page;
import dev.paw.runtime.pocket.PawHome;
import dev.paw.runtime.pocket.Pocket;
import java.nio.file.Path;
import java.util.List;

/** Lists, creates, deletes and syncs todos through the typed client paw generated. */
public final class TodoApp {

  public static void main(String[] args) {
    // args: the API's base URL (a test server; none for the connector's own), and paw's home
    ConnectOptions options = args.length > 0 ? ConnectOptions.baseUrl(args[0]) : ConnectOptions.DEFAULTS;
    PawHome home = args.length > 1 ? PawHome.at(Path.of(args[1])) : PawHome.fromEnvironment(); // ~/.paw
    try (Paw paw =
        Paw.builder()
            .home(home)
            .approver(request -> { // trust level confirm: ask the user
              System.out.println("approved: " + request.subject());
              return true;
            })
            .adminApprover(request -> request.action().equals("delete_todo")) // restricted
            .build()) {
      Pocket pocket = paw.pocket("Todo Demo");
      // TODO_API_KEY comes from the environment; paw.credentials(pocket, "todo").put(...) stores one
      TodoBlockingClient todo = new TodoBlockingClient(paw.connector(pocket, "todo"));
      ConnectionResult connected = todo.connect(options); // a wrong key fails here, with the 401
      System.out.println("connected: " + connected.credentialCheck());

      Page<TodosRow> first = todo.listTodos(); // one request: page 1
      System.out.println("page 1: " + first.records().size() + " todos, more: " + first.hasNext());
      List<String> titles = first.stream().map(TodosRow::title).toList(); // pages 2, 3, ... as needed
      System.out.println("all pages: " + titles);

      GetTodoAnswer one = todo.getTodo(1).value();
      System.out.println("todo 1: " + one.title() + ", done: " + one.done());
      todo.createTodo(CreateTodoParams.builder().title("Water the plants").priority(1).build());
      todo.deleteTodo(2); // refused with an ActionRefusedException unless the admin approver says yes

      System.out.println("synced: " + todo.syncTodos().inserted() + " rows");
      for (TodosRow row : todo.todos()) { // typed rows from pocket.db
        System.out.println(row.id() + " " + row.title() + " (" + row.owner() + ") " + row.tags());
      }
    }
    System.out.println("closed");
  }
}
