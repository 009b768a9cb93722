export function NotBuilt({ title }: { title: string }) {
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{title}</h1>
      </header>
      <div className="not-built" role="status">
        <p>
          <strong>Màn hình “{title}” chưa được xây dựng</strong> trong phiên bản này.
        </p>
        <p>
          Hiện có thể dùng: <a href="#/don-vi">Đơn vị</a> và <a href="#/cai-dat">Cài đặt → Cơ quan</a>.
        </p>
      </div>
    </section>
  );
}
