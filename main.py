from assembly.app import main

raise SystemExit(main())
