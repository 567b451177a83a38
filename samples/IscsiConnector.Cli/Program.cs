// Placeholder entry point; the command-line tool is built in issue 4.
return 0;
