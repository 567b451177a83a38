// Placeholder: benchmarks arrive with the connector.
return 0;
