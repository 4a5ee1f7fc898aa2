"""Decision records: native, MADR, log4brains/MADR 2 and Nygard/adr-tools, in one log."""
