package com.example.app;

import com.example.paw.weather.ListForecastsParams;
import com.example.paw.weather.ReportOutageParams;
import com.example.paw.weather.WeatherClient;
import com.example.paw.weather.WeatherForecastsRow;
import dev.paw.runtime.ActionResult;
import dev.paw.runtime.ConnectorProtocol;
import dev.paw.runtime.SyncResult;
import dev.paw.runtime.TypedResult;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Host code written against the typed client that paw:generate makes from connectors/weather.yaml. */
public final class WeatherApp {

  private final WeatherClient weather;

  public WeatherApp(ConnectorProtocol connector) {
    this.weather = new WeatherClient(connector);
  }

  public CompletionStage<TypedResult<List<WeatherForecastsRow>>> forecastInFahrenheit(String city) {
    return weather.listForecasts(ListForecastsParams.builder()
        .city(city)
        .units(ListForecastsParams.Units.IMPERIAL)
        .build());
  }

  public CompletionStage<ActionResult> reportOutage(String station) {
    return weather.reportOutage(ReportOutageParams.builder().station(station).build());
  }

  public CompletionStage<SyncResult> refresh() {
    return weather.syncForecasts();
  }

  public List<WeatherForecastsRow> forecasts() {
    return weather.forecasts();
  }
}
