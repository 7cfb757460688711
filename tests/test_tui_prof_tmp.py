import time, sys
sys.path.insert(0, "/work/main/tests")
from test_tui import *

async def test_x(make_app):
    t0=time.perf_counter()
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        t1=time.perf_counter()
        await settle(app, pilot)
        t2=time.perf_counter()
        await pilot.press("tab")
        t3=time.perf_counter()
    t4=time.perf_counter()
    print(f"start {t1-t0:.2f} settle {t2-t1:.2f} press {t3-t2:.2f} exit {t4-t3:.2f}")
