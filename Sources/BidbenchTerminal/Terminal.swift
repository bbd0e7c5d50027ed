import CNcursesw
import BidbenchUI
